#pragma once

#include <QSize>

// How much text fits on one slide of a screen: the slide type is scaled to the screen's
// height and never drawn below a readable floor, so a long section continues on the next
// slide instead of shrinking. Estimated in lines of body text.
struct SlideBudget {
    // The slide's type, shared with the slide style sheet (SlideDocument), so that what the
    // budget counts is what is drawn: body text is this share of the screen's height times
    // the room's zoom, never below the floor (a share of the height, and pixels).
    static constexpr double kBodyShare = 0.032;
    static constexpr double kFloorShare = 0.025;
    static constexpr int kFloorPixels = 22;
    // The layout the budget assumes (the style sheet draws it): the body's line height in
    // ems, the heading's height in body ems, the share of the height and width the slide's
    // margins and corner label take, and an average character's width in ems.
    static constexpr double kLineHeight = 1.45;
    static constexpr double kHeadingScale = 1.6;       // a slide's heading, in body ems
    static constexpr double kHeadingLineHeight = 1.2;
    static constexpr double kHeadingEms = 2.6;         // its first line and the space under it
    static constexpr double kGridScale = 0.85;         // an activity's grid, in body ems
    static constexpr double kMarginShare = 0.13;
    static constexpr double kSideMarginShare = 0.10;
    static constexpr double kCharEms = 0.55;

    int lines = 16;          // body lines under the heading
    int charsPerLine = 64;   // average characters of body text on one line

    // For a screen of `pixels` (device-independent) at a room zoom factor (1.0 = default).
    static SlideBudget forScreen(QSize pixels, double zoom);
    // The body type's size on such a screen, in pixels.
    static double fontPixels(QSize pixels, double zoom);

    bool operator==(const SlideBudget &) const = default;
};
