#include "ReadingCss.h"

#include "CourseUrl.h"

#include <QFile>

namespace {
// A family name of our own, so the page uses the bundled files even where the font is
// also installed on the system (and a test can tell which one it got).
const QString kDyslexicFamily = QStringLiteral("Coursebook OpenDyslexic");

struct Face {
    const char *file;
    int weight;
    bool italic;
};
constexpr Face kFaces[] = {{"OpenDyslexic-Regular.otf", 400, false},
                           {"OpenDyslexic-Bold.otf", 700, false},
                           {"OpenDyslexic-Italic.otf", 400, true},
                           {"OpenDyslexic-BoldItalic.otf", 700, true}};

QString resourcePath(const Face &face)
{
    return QStringLiteral(":/resources/") + QLatin1String(face.file);
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

QString noItalicsAndLinks(const ReadingSettings &r)
{
    QString css;
    if (r.noItalics)
        css += QStringLiteral("*, *::before, *::after { font-style: normal !important; font-synthesis: none; }\n");
    if (r.underlineLinks)
        css += QStringLiteral("a:link, a:visited { text-decoration: underline !important; text-underline-offset: 0.15em; }\n");
    return css;
}
}  // namespace

QString ReadingCss::fontFamily(ReadingSettings::Font font)
{
    switch (font) {
    case ReadingSettings::Font::Serif:
        return QStringLiteral("\"Noto Serif\", \"DejaVu Serif\", \"Liberation Serif\", serif");
    case ReadingSettings::Font::Dyslexic:
        return QStringLiteral("\"%1\", \"OpenDyslexic\", sans-serif").arg(kDyslexicFamily);
    case ReadingSettings::Font::Standard:
        break;
    }
    return QStringLiteral("\"Noto Sans\", \"DejaVu Sans\", system-ui, sans-serif");
}

QStringList ReadingCss::bundledFontFiles()
{
    QStringList files;
    for (const Face &face : kFaces)
        files << resourcePath(face);
    return files;
}

QString ReadingCss::fontFaces(bool embedded)
{
    QString css;
    for (const Face &face : kFaces) {
        QString url = CourseUrl::app(QLatin1String(face.file)).toString();
        if (embedded) {
            QFile file(resourcePath(face));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            url = QStringLiteral("data:font/otf;base64,") + QString::fromLatin1(file.readAll().toBase64());
        }
        css += QStringLiteral("@font-face { font-family: \"%1\"; src: url(\"%2\") format(\"opentype\"); font-weight: %3; font-style: %4; }\n")
                   .arg(kDyslexicFamily, url, QString::number(face.weight), face.italic ? QStringLiteral("italic") : QStringLiteral("normal"));
    }
    return css;
}

QString ReadingCss::page(const ReadingSettings &settings)
{
    const ReadingSettings r = settings.clamped();
    QString css = r.font == ReadingSettings::Font::Dyslexic ? fontFaces(false) : QString();
    // The page's own base is 112.5% (style.css); rem-sized text and spacing follow it.
    css += QStringLiteral("html { font-size: calc(112.5% * %1); }\n").arg(number(r.textSize / 100.0));
    css += QStringLiteral(":root { --font-text: %1; }\n").arg(fontFamily(r.font));
    css += QStringLiteral("body, table { line-height: %1; letter-spacing: %2em; word-spacing: %3em; }\n")
               .arg(number(r.lineSpacing), number(r.letterSpacing), number(r.wordSpacing));
    // Screen only: on paper the page takes the whole width (style.css).
    css += QStringLiteral("@media screen { .page { max-width: calc(%1ch + 2 * clamp(1rem, 5vw, 3rem)); } }\n").arg(r.readingWidth);
    return css + noItalicsAndLinks(r);
}

QString ReadingCss::slides(const ReadingSettings &settings)
{
    const ReadingSettings r = settings.clamped();
    QString css = r.font == ReadingSettings::Font::Dyslexic ? fontFaces(false) : QString();
    css += QStringLiteral(":root { --font-text: %1; }\n").arg(fontFamily(r.font));
    return css + noItalicsAndLinks(r);
}

QString ReadingCss::worksheet(const ReadingSettings &settings)
{
    const ReadingSettings r = settings.clamped();
    QString css;
    if (r.font != ReadingSettings::Font::Standard) {
        css += r.font == ReadingSettings::Font::Dyslexic ? fontFaces(true) : QString();
        css += QStringLiteral("body, h1, h2, h3, .course, .answer { font-family: %1, \"Noto Color Emoji\"; }\n").arg(fontFamily(r.font));
    }
    css += QStringLiteral("body { font-size: %1pt; line-height: %2; }\n")
               .arg(number(11.0 * r.textSize / 100.0), number(1.4 * r.lineSpacing / ReadingSettings::kDefaultLineSpacing));
    return css + noItalicsAndLinks(r);
}
