#include "ReadingSettings.h"

#include <QSettings>
#include <QStringList>

#include <cmath>

namespace {
const QString kTheme = QStringLiteral("view/theme");
const QString kTextSize = QStringLiteral("reading/textSize");
const QString kFont = QStringLiteral("reading/font");
const QString kLineSpacing = QStringLiteral("reading/lineSpacing");
const QString kLetterSpacing = QStringLiteral("reading/letterSpacing");
const QString kWordSpacing = QStringLiteral("reading/wordSpacing");
const QString kReadingWidth = QStringLiteral("reading/width");
const QString kNoItalics = QStringLiteral("reading/noItalics");
const QString kUnderlineLinks = QStringLiteral("reading/underlineLinks");

// A hand-edited settings file may hold "nan" or text: those fall back to the default.
double bounded(double value, double low, double high, double fallback)
{
    return std::isfinite(value) ? qBound(low, value, high) : fallback;
}
}  // namespace

ReadingSettings ReadingSettings::clamped() const
{
    const ReadingSettings defaults;
    ReadingSettings out = *this;
    out.textSize = qBound(kMinTextSize, textSize, kMaxTextSize);
    out.lineSpacing = bounded(lineSpacing, kMinLineSpacing, kMaxLineSpacing, defaults.lineSpacing);
    out.letterSpacing = bounded(letterSpacing, 0.0, kMaxLetterSpacing, defaults.letterSpacing);
    out.wordSpacing = bounded(wordSpacing, 0.0, kMaxWordSpacing, defaults.wordSpacing);
    out.readingWidth = qBound(kMinReadingWidth, readingWidth, kMaxReadingWidth);
    if (!themes().contains(theme))
        out.theme = defaults.theme;
    return out;
}

QStringList ReadingSettings::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("sepia"), QStringLiteral("dark"),
            QStringLiteral("high-contrast")};
}

QString ReadingSettings::fontKey(Font font)
{
    switch (font) {
    case Font::Serif:
        return QStringLiteral("serif");
    case Font::Dyslexic:
        return QStringLiteral("dyslexic");
    case Font::Standard:
        break;
    }
    return QStringLiteral("standard");
}

ReadingSettings ReadingSettings::load(const QSettings &settings)
{
    ReadingSettings r;
    r.theme = settings.value(kTheme, r.theme).toString();
    r.textSize = settings.value(kTextSize, r.textSize).toInt();
    const QString font = settings.value(kFont).toString();
    for (Font f : {Font::Standard, Font::Serif, Font::Dyslexic})
        if (font == fontKey(f))
            r.font = f;
    r.lineSpacing = settings.value(kLineSpacing, r.lineSpacing).toDouble();
    r.letterSpacing = settings.value(kLetterSpacing, r.letterSpacing).toDouble();
    r.wordSpacing = settings.value(kWordSpacing, r.wordSpacing).toDouble();
    r.readingWidth = settings.value(kReadingWidth, r.readingWidth).toInt();
    r.noItalics = settings.value(kNoItalics, r.noItalics).toBool();
    r.underlineLinks = settings.value(kUnderlineLinks, r.underlineLinks).toBool();
    return r.clamped();
}

void ReadingSettings::save(QSettings &settings) const
{
    const ReadingSettings r = clamped();
    settings.setValue(kTheme, r.theme);
    settings.setValue(kTextSize, r.textSize);
    settings.setValue(kFont, fontKey(r.font));
    settings.setValue(kLineSpacing, r.lineSpacing);
    settings.setValue(kLetterSpacing, r.letterSpacing);
    settings.setValue(kWordSpacing, r.wordSpacing);
    settings.setValue(kReadingWidth, r.readingWidth);
    settings.setValue(kNoItalics, r.noItalics);
    settings.setValue(kUnderlineLinks, r.underlineLinks);
}
