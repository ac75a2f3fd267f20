#include "ThemeStyle.h"

#include <QApplication>
#include <QHash>
#include <QStyle>

#include <cmath>
#include <initializer_list>

namespace {

double luminance(const QColor &colour)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

QColor mix(const QColor &from, const QColor &to, double t)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t), float(from.greenF() + (to.greenF() - from.greenF()) * t),
                            float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

bool readable(const QColor &colour, double ratio, std::initializer_list<QColor> backgrounds)
{
    for (const QColor &background : backgrounds) {
        if (ThemeStyle::contrast(colour, background) < ratio)
            return false;
    }
    return true;
}

// The colour nearest `from` on the way to `to` that has `ratio` against each of `backgrounds`:
// a border or a placeholder as quiet as it can be while staying visible.
QColor firstReadable(const QColor &from, const QColor &to, double ratio, std::initializer_list<QColor> backgrounds)
{
    for (int step = 0; step <= 50; ++step) {
        const QColor colour = mix(from, to, step / 50.0);
        if (readable(colour, ratio, backgrounds))
            return colour;
    }
    return to;
}

// `colour` itself when it has `ratio` against each of `backgrounds`, else moved towards
// black or white, whichever gets there first: a desktop's accent may be too pale.
QColor strengthened(const QColor &colour, double ratio, std::initializer_list<QColor> backgrounds)
{
    for (int step = 0; step <= 50; ++step) {
        for (const QColor &end : {QColor(Qt::black), QColor(Qt::white)}) {
            const QColor moved = mix(colour, end, step / 50.0);
            if (readable(moved, ratio, backgrounds))
                return moved;
        }
    }
    return colour;
}

QString name(const QColor &colour)
{
    return colour.name(QColor::HexRgb);
}

// For every pane where people type and press (the Workbook, the presenter console): a widget
// says so with the property themedPane, and its fields, tables, buttons and check boxes get
// visible borders and a focus frame in every theme.
const QString kSheet = QStringLiteral(R"(
*[themedPane="true"] ActivityPanel { border: 1px solid $border$; border-radius: 4px; }
*[themedPane="true"] QPlainTextEdit, *[themedPane="true"] QTextEdit, *[themedPane="true"] QAbstractSpinBox, *[themedPane="true"] QTableView, *[themedPane="true"] QComboBox { border: 1px solid $border$; padding: 2px; }
*[themedPane="true"] QPlainTextEdit:focus, *[themedPane="true"] QTextEdit:focus, *[themedPane="true"] QAbstractSpinBox:focus, *[themedPane="true"] QTableView:focus, *[themedPane="true"] QComboBox:focus { border: 3px solid $accent$; padding: 0px; }
*[themedPane="true"] QTableView { gridline-color: $border$; selection-background-color: $accent$; selection-color: $onAccent$; }
*[themedPane="true"] QHeaderView::section { color: $windowText$; background: $window$; border: 0px; border-right: 1px solid $border$; border-bottom: 1px solid $border$; padding: 4px; font-weight: bold; }
*[themedPane="true"] QComboBox { color: $text$; background: $base$; padding-left: 6px; }
*[themedPane="true"] QComboBox:disabled { color: $disabled$; border-style: dashed; }
*[themedPane="true"] QPushButton, *[themedPane="true"] QToolButton { color: $buttonText$; background: $button$; border: 1px solid $border$; border-radius: 3px; padding: 4px 12px; }
*[themedPane="true"] QPushButton:hover, *[themedPane="true"] QToolButton:hover { background: $hover$; }
*[themedPane="true"] QPushButton:pressed, *[themedPane="true"] QToolButton:pressed { background: $pressed$; }
*[themedPane="true"] QPushButton:focus, *[themedPane="true"] QToolButton:focus { border: 3px solid $accent$; padding: 2px 10px; }
*[themedPane="true"] QPushButton:disabled, *[themedPane="true"] QToolButton:disabled { color: $disabled$; background: $window$; border: 1px dashed $disabled$; }
*[themedPane="true"] QCheckBox { spacing: 8px; border: 1px solid transparent; border-radius: 3px; padding: 2px; }
*[themedPane="true"] QCheckBox:focus { border: 3px solid $accent$; padding: 0px; }
*[themedPane="true"] QCheckBox::indicator { width: 16px; height: 16px; border: 2px solid $text$; border-radius: 2px; background: $base$; }
*[themedPane="true"] QCheckBox::indicator:checked { background: $accent$; image: url($checkMark$); }
*[themedPane="true"] QLabel#prompt { border: 1px solid transparent; padding: 2px; }
*[themedPane="true"] QLabel#prompt:focus { border: 3px solid $accent$; padding: 0px; }
*[themedPane="true"] QLabel[secondary="true"] { color: $secondary$; }
*[themedPane="true"] QLabel[saveState="not-saved"] { color: $error$; }
)");

}  // namespace

double ThemeStyle::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette ThemeStyle::palette(const QString &theme, bool followSystem, const QPalette &system)
{
    const bool systemIsDark = system.color(QPalette::Window).lightness() < 128;
    const bool highContrast = theme == QLatin1String("high-contrast");
    QPalette palette;
    if (theme == QLatin1String("sepia") && !followSystem)
        palette = sepiaPalette();
    else if (followSystem || (theme == QLatin1String("light") && !systemIsDark))
        palette = system;  // the desktop's own colours whenever they fit the theme
    else if (theme == QLatin1String("light"))
        palette = QApplication::style()->standardPalette();
    else
        palette = darkPalette(highContrast);
    makeReadable(palette, highContrast);
    return palette;
}

QPalette ThemeStyle::darkPalette(bool highContrast)
{
    const QColor window = highContrast ? QColor(Qt::black) : QColor(0x23, 0x25, 0x2a);
    const QColor base = highContrast ? QColor(Qt::black) : QColor(0x1b, 0x1d, 0x21);
    const QColor text = highContrast ? QColor(Qt::white) : QColor(0xe6, 0xe6, 0xe6);
    const QColor accent = highContrast ? QColor(0xff, 0xeb, 0x3b) : QColor(0x4a, 0x9e, 0xc4);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, highContrast ? QColor(0x20, 0x20, 0x20) : QColor(0x2a, 0x2d, 0x33));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, Qt::black);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Link, accent);
    return palette;
}

// Placeholder and disabled text in colours of their own, still readable (WCAG AA, AAA in
// high contrast), whatever palette they come with.
void ThemeStyle::makeReadable(QPalette &palette, bool highContrast)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    palette.setColor(QPalette::PlaceholderText,
                     firstReadable(base, palette.color(QPalette::Text), highContrast ? 7.0 : 4.6, {base, window}));
    const QColor disabled = firstReadable(window, palette.color(QPalette::WindowText), highContrast ? 4.5 : 3.0,
                                          {window, base, palette.color(QPalette::Button)});
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        palette.setColor(QPalette::Disabled, role, disabled);
}

QString ThemeStyle::styleSheet(const QPalette &palette, bool highContrast)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    const QColor button = palette.color(QPalette::Button);
    const QColor accent = strengthened(palette.color(QPalette::Highlight), 3.5, {window, base, button});
    const QColor onAccent = contrast(Qt::black, accent) >= contrast(Qt::white, accent) ? QColor(Qt::black) : QColor(Qt::white);
    const QHash<QString, QString> colours = {
        {QStringLiteral("text"), name(text)},
        {QStringLiteral("base"), name(base)},
        {QStringLiteral("window"), name(window)},
        {QStringLiteral("windowText"), name(palette.color(QPalette::WindowText))},
        {QStringLiteral("button"), name(button)},
        {QStringLiteral("buttonText"), name(palette.color(QPalette::ButtonText))},
        {QStringLiteral("border"), name(highContrast ? text : firstReadable(base, text, 3.6, {base, window}))},
        {QStringLiteral("accent"), name(accent)},
        {QStringLiteral("onAccent"), name(onAccent)},
        {QStringLiteral("hover"), name(mix(button, text, 0.12))},
        {QStringLiteral("pressed"), name(mix(button, text, 0.25))},
        {QStringLiteral("disabled"), name(palette.color(QPalette::Disabled, QPalette::ButtonText))},
        {QStringLiteral("secondary"), name(palette.color(QPalette::PlaceholderText))},
        {QStringLiteral("error"), name(strengthened(QColor(0xc6, 0x28, 0x28), highContrast ? 7.0 : 4.6, {window}))},
        {QStringLiteral("checkMark"), onAccent == Qt::black ? QStringLiteral(":/resources/check-mark-black.svg")
                                                            : QStringLiteral(":/resources/check-mark-white.svg")},
    };
    QString sheet = kSheet;
    for (auto it = colours.cbegin(); it != colours.cend(); ++it)
        sheet.replace(QLatin1Char('$') + it.key() + QLatin1Char('$'), it.value());
    return sheet;
}

QString ThemeStyle::textSizeRules(double pointSize, const QString &family)
{
    const QString font = family.isEmpty() ? QString() : QStringLiteral(" font-family: \"%1\";").arg(family);
    return QStringLiteral("WorkbookPane, WorkbookPane QWidget { font-size: %1pt;%3 }\n"
                          "WorkbookPane QLabel#activityTitle, QLabel#courseTitle { font-size: %2pt; font-weight: bold; }\n")
        .arg(pointSize, 0, 'f', 1)
        .arg(pointSize * 1.15, 0, 'f', 1)
        .arg(font);
}

QPalette ThemeStyle::sepiaPalette()
{
    QPalette palette = QApplication::style()->standardPalette();
    const QColor paper(0xf4, 0xec, 0xd8), sheet(0xfa, 0xf4, 0xe4), ink(0x3b, 0x2f, 0x20);
    for (const auto role : {QPalette::Window, QPalette::Button})
        palette.setColor(role, paper);
    palette.setColor(QPalette::Base, sheet);
    palette.setColor(QPalette::AlternateBase, QColor(0xeb, 0xe0, 0xc6));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(role, ink);
    palette.setColor(QPalette::Highlight, QColor(0x6a, 0x3d, 0x0c));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}
