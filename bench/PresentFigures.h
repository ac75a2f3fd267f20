#pragma once

#include <QJsonObject>

// Figures for presentation mode, in the real reading window on the bundled course: F5 to the
// first slide painted, and a key press to the next slide painted (median and worst over 200
// presses) against a bare web view loading the same slide's content, which is what changing
// slides would cost without the one loaded deck. Needs a QApplication and a display.
class PresentFigures
{
public:
    static QJsonObject measure();
};
