#pragma once

#include <QJsonObject>

// Turning pages in the real reading window (with the find and notes controllers main() makes
// beside it): Alt+Right to the next page and a click on a page in the contents, each timed to
// the new page's first frame painted, against a bare web view's setHtml of the same pages'
// HTML in the same profile (so the style sheet loads alike). Needs a QApplication and a display.
namespace PageSwitchFigures {
QJsonObject measure(const QString &coursePath);
}  // namespace PageSwitchFigures
