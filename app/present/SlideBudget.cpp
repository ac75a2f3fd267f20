#include "SlideBudget.h"

#include <algorithm>
#include <cmath>

double SlideBudget::fontPixels(QSize pixels, double zoom)
{
    const double height = std::max(1, pixels.height());
    return std::max({double(kFloorPixels), height * kFloorShare, height * kBodyShare * std::max(zoom, 0.1)});
}

SlideBudget SlideBudget::forScreen(QSize pixels, double zoom)
{
    const double font = fontPixels(pixels, zoom);
    const double bodyHeight = pixels.height() * (1 - kMarginShare) - kHeadingEms * font;
    const double bodyWidth = pixels.width() * (1 - kSideMarginShare);
    SlideBudget budget;
    // At least a few lines and words: a tiny window still gets slides, only more of them.
    budget.lines = std::max(3, int(std::floor(bodyHeight / (kLineHeight * font))));
    budget.charsPerLine = std::max(16, int(std::floor(bodyWidth / (kCharEms * font))));
    return budget;
}
