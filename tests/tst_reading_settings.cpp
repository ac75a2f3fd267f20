// Reading settings as a model: each setting writes the CSS it should, every value is kept
// within its bounds (from the dialog or a hand-edited settings file), the settings survive a
// round trip through the settings file, and the rendered page carries them with its
// landmarks and skip link.

#include "ReadingCss.h"
#include "ReadingSettings.h"
#include "RenderFixture.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(ReadingSettings)

class TestReadingSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaultsKeepThePageAsItWas()
    {
        const QString css = ReadingCss::page({});
        QVERIFY2(css.contains(QLatin1String("html { font-size: calc(112.5% * 1.000); }")), qPrintable(css));
        QVERIFY2(css.contains(QLatin1String("line-height: 1.600; letter-spacing: 0.000em; word-spacing: 0.000em;")), qPrintable(css));
        QVERIFY2(css.contains(QLatin1String("max-width: calc(68ch ")), qPrintable(css));
        QVERIFY2(css.contains(QLatin1String("--font-text: \"Noto Sans\"")), qPrintable(css));
        QVERIFY(!css.contains(QLatin1String("@font-face")));
        QVERIFY(!css.contains(QLatin1String("font-style")));
        QVERIFY(!css.contains(QLatin1String("text-decoration")));
    }

    void eachSettingWritesItsRule_data()
    {
        QTest::addColumn<ReadingSettings>("settings");
        QTest::addColumn<QString>("rule");
        ReadingSettings s;
        s.textSize = 150;
        QTest::newRow("text size") << s << QStringLiteral("html { font-size: calc(112.5% * 1.500); }");
        s = {};
        s.font = ReadingSettings::Font::Dyslexic;
        QTest::newRow("dyslexic font") << s << QStringLiteral(":root { --font-text: \"Coursebook OpenDyslexic\", \"OpenDyslexic\", sans-serif; }");
        QTest::newRow("dyslexic font served by the app")
            << s << QStringLiteral("src: url(\"course://coursebook/app/OpenDyslexic-Regular.otf\") format(\"opentype\"); font-weight: 400; font-style: normal;");
        s = {};
        s.font = ReadingSettings::Font::Serif;
        QTest::newRow("serif font") << s << QStringLiteral("--font-text: \"Noto Serif\"");
        s = {};
        s.lineSpacing = 2.5;
        QTest::newRow("line spacing") << s << QStringLiteral("line-height: 2.500;");
        s = {};
        s.letterSpacing = 0.12;
        QTest::newRow("letter spacing") << s << QStringLiteral("letter-spacing: 0.120em;");
        s = {};
        s.wordSpacing = 0.3;
        QTest::newRow("word spacing") << s << QStringLiteral("word-spacing: 0.300em;");
        s = {};
        s.readingWidth = 50;
        QTest::newRow("reading width") << s << QStringLiteral("@media screen { .page { max-width: calc(50ch ");
        s = {};
        s.noItalics = true;
        QTest::newRow("no italics") << s << QStringLiteral("*, *::before, *::after { font-style: normal !important;");
        s = {};
        s.underlineLinks = true;
        QTest::newRow("underline links") << s << QStringLiteral("a:link, a:visited { text-decoration: underline !important;");
    }
    void eachSettingWritesItsRule()
    {
        QFETCH(ReadingSettings, settings);
        QFETCH(QString, rule);
        const QString css = ReadingCss::page(settings);
        QVERIFY2(css.contains(rule), qPrintable(css));
        QVERIFY2(!css.contains(QLatin1String("</")), "nothing may close the <style> it goes in");
    }

    void valuesAreClamped()
    {
        ReadingSettings wild;
        wild.textSize = 999;
        wild.lineSpacing = 9;
        wild.letterSpacing = -1;
        wild.wordSpacing = std::numeric_limits<double>::quiet_NaN();
        wild.readingWidth = 5;
        wild.theme = QStringLiteral("purple");
        const ReadingSettings c = wild.clamped();
        QCOMPARE(c.textSize, ReadingSettings::kMaxTextSize);
        QCOMPARE(c.lineSpacing, ReadingSettings::kMaxLineSpacing);
        QCOMPARE(c.letterSpacing, 0.0);
        QCOMPARE(c.wordSpacing, 0.0);
        QCOMPARE(c.readingWidth, ReadingSettings::kMinReadingWidth);
        QCOMPARE(c.theme, QStringLiteral("system"));
        // The CSS never carries an unclamped value.
        QVERIFY(ReadingCss::page(wild).contains(QLatin1String("calc(112.5% * 2.500)")));
        wild.textSize = 1;
        wild.readingWidth = 1000;
        QCOMPARE(wild.clamped().textSize, ReadingSettings::kMinTextSize);
        QCOMPARE(wild.clamped().readingWidth, ReadingSettings::kMaxReadingWidth);
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("coursebook.conf"));
        ReadingSettings s;
        s.textSize = 130;
        s.font = ReadingSettings::Font::Dyslexic;
        s.lineSpacing = 2.1;
        s.letterSpacing = 0.06;
        s.wordSpacing = 0.25;
        s.readingWidth = 56;
        s.theme = QStringLiteral("sepia");
        s.noItalics = true;
        s.underlineLinks = true;
        {
            QSettings settings(file, QSettings::IniFormat);
            s.save(settings);
        }
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(ReadingSettings::load(settings), s);
        QCOMPARE(settings.value(QStringLiteral("view/theme")).toString(), QStringLiteral("sepia"));  // View ▸ Theme's key
    }

    void aHandEditedFileIsKeptInBounds()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("coursebook.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("reading/textSize"), 4000);
        settings.setValue(QStringLiteral("reading/lineSpacing"), QStringLiteral("nan"));
        settings.setValue(QStringLiteral("reading/font"), QStringLiteral("Comic"));
        settings.setValue(QStringLiteral("view/theme"), QStringLiteral("<script>"));
        const ReadingSettings loaded = ReadingSettings::load(settings);
        QCOMPARE(loaded.textSize, ReadingSettings::kMaxTextSize);
        QCOMPARE(loaded.lineSpacing, ReadingSettings().lineSpacing);
        QCOMPARE(loaded.font, ReadingSettings::Font::Standard);
        QCOMPARE(loaded.theme, QStringLiteral("system"));
    }

    void slidesTakeFontButNotSize()
    {
        ReadingSettings s;
        s.font = ReadingSettings::Font::Dyslexic;
        s.textSize = 200;
        s.noItalics = true;
        const QString css = ReadingCss::slides(s);
        QVERIFY(css.contains(QLatin1String("Coursebook OpenDyslexic")));
        QVERIFY(css.contains(QLatin1String("font-style: normal !important")));
        QVERIFY2(!css.contains(QLatin1String("font-size")), "the slide budget owns the slides' type size");
    }

    void worksheetTakesFontSizeAndSpacing()
    {
        ReadingSettings s;
        s.font = ReadingSettings::Font::Dyslexic;
        s.textSize = 150;
        s.lineSpacing = 2.4;
        const QString css = ReadingCss::worksheet(s);
        QVERIFY2(css.contains(QLatin1String("body { font-size: 16.500pt; line-height: 2.100; }")), qPrintable(css.right(300)));
        // The printed worksheet fetches nothing: the font travels inside it.
        QVERIFY(css.contains(QLatin1String("src: url(\"data:font/otf;base64,")));
        QVERIFY(!css.contains(QLatin1String("course:")));
        QVERIFY(ReadingCss::worksheet({}).contains(QLatin1String("body { font-size: 11.000pt; line-height: 1.400; }")));
    }

    void bundledFontIsInTheApp()
    {
        for (const QString &file : ReadingCss::bundledFontFiles()) {
            QFile font(file);
            QVERIFY2(font.open(QIODevice::ReadOnly), qPrintable(file));
            QCOMPARE(font.read(4), QByteArray("OTTO"));  // an OpenType (CFF) font
        }
    }

    void renderedPageHasSettingsLandmarksAndSkipLink()
    {
        PageRenderer::Options options;
        options.reading.lineSpacing = 2.2;
        const RenderedPage page = RenderFixture::renderBody(QStringLiteral("A [link](https://example.org) and *emphasis*.\n"), RenderFixture::kConfig, options);
        const QString html = page.documentHtml;
        QVERIFY2(html.contains(QLatin1String("<style id=\"reading-settings\">")) && html.contains(QLatin1String("line-height: 2.200")), qPrintable(html.left(3000)));
        const HtmlDom dom(html);
        const QVector<xmlNodePtr> anchors = RenderFixture::select(dom, QStringLiteral("a"));
        QVERIFY(!anchors.isEmpty());
        QCOMPARE(HtmlDom::attribute(anchors.first(), "class"), QStringLiteral("skip-link"));  // the first thing Tab reaches
        QCOMPARE(HtmlDom::attribute(anchors.first(), "href"), QStringLiteral("#content"));
        const QVector<xmlNodePtr> mains = RenderFixture::select(dom, QStringLiteral("main"));
        QCOMPARE(mains.size(), 1);
        QCOMPARE(HtmlDom::attribute(mains.first(), "id"), QStringLiteral("content"));
        QCOMPARE(HtmlDom::attribute(mains.first(), "tabindex"), QStringLiteral("-1"));  // the skip link can focus it
        const QVector<xmlNodePtr> headers = RenderFixture::select(dom, QStringLiteral("header"), QStringLiteral("page-header"));
        QCOMPARE(headers.size(), 1);
        QCOMPARE(HtmlDom::attribute(headers.first(), "role"), QStringLiteral("banner"));
    }
};


QTEST_GUILESS_MAIN(TestReadingSettings)
#include "tst_reading_settings.moc"
