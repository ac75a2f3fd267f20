#pragma once

#include <QString>
#include <QStringList>

class QSettings;

// How the learner wants to read (View ▸ Reading Settings…): kept in the app's settings and
// applied to the page, the slides, the Workbook panes and the exported worksheet. Every
// value is kept within the bounds below, whatever the settings file says.
struct ReadingSettings {
    enum class Font { Standard, Serif, Dyslexic };

    int textSize = 100;           // percent of the page's own size; reflows, unlike zoom
    Font font = Font::Standard;
    double lineSpacing = 1.6;     // line height, as a multiple of the text size
    double letterSpacing = 0.0;   // em
    double wordSpacing = 0.0;     // em
    int readingWidth = 68;        // the longest line, in characters ("ch")
    QString theme = QStringLiteral("system");  // system | light | sepia | dark | high-contrast
    bool noItalics = false;       // emphasis stays bold or plain, never slanted
    bool underlineLinks = false;

    static constexpr int kMinTextSize = 80, kMaxTextSize = 250;
    static constexpr double kMinLineSpacing = 1.0, kMaxLineSpacing = 2.5;
    static constexpr double kMaxLetterSpacing = 0.3, kMaxWordSpacing = 1.0;
    static constexpr int kMinReadingWidth = 40, kMaxReadingWidth = 120;
    static constexpr double kDefaultLineSpacing = 1.6;

    ReadingSettings clamped() const;
    static QStringList themes();  // every theme, in menu order
    static QString fontKey(Font font);  // "standard", "serif", "dyslexic"

    // Theme under "view/theme" (shared with View ▸ Theme), the rest under "reading/".
    static ReadingSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const ReadingSettings &other) const = default;
};
