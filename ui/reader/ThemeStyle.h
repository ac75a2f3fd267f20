#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// The colours of a theme (View > Theme) and the application style sheet that makes the
// Workbook pane readable in it: visible borders on fields, grid cells and check boxes, an
// italic placeholder in a colour of its own, disabled buttons that look disabled, and a
// thick focus frame in the accent colour. One source: the sheet derives every colour from
// the palette, so a desktop's own palette ("Follow System") gets the same guarantees.
namespace ThemeStyle {
// `theme` is "light", "sepia", "dark" or "high-contrast". The desktop's palette `system` is kept
// when the learner follows the system or it fits the theme; readability fixes apply to all.
QPalette palette(const QString &theme, bool followSystem, const QPalette &system);
QString styleSheet(const QPalette &palette, bool highContrast);
// The Workbook's text size (and the course title's), which follows the reader's zoom and
// text size, in the reading font `family` ("" for the application's): set by rules, because
// a style sheet keeps a parent's setFont() from reaching the widgets it styles.
QString textSizeRules(double pointSize, const QString &family = QString());

// The WCAG 2 contrast ratio of two colours, from 1 to 21.
double contrast(const QColor &a, const QColor &b);

QPalette darkPalette(bool highContrast);
QPalette sepiaPalette();  // the page's sepia (style.css) for the widgets
void makeReadable(QPalette &palette, bool highContrast);
}  // namespace ThemeStyle
