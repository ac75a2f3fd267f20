// Reading settings in the real reading window, set the way a learner sets them: Ctrl+, opens
// the dialog, keys fill it, Enter keeps it. Then the page on screen is read back as the engine
// lays it out (computed styles, the bundled font loaded), after a restart too; Escape undoes
// what the dialog showed; the page's skip link moves the focus to the content.

#include "CourseUrl.h"
#include "MainWindow.h"
#include "PageView.h"
#include "ReadingSettingsController.h"
#include "ReadingSettingsDialog.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <memory>
#include <optional>

namespace {
const QString kCourse = QStringLiteral(BUNDLED_COURSE_DIR);
const QString kPage = QStringLiteral("getting-started/welcome");  // emphasis, links, an activity card
constexpr int kLoadTimeout = 30000;

QVariant runJavaScript(MainWindow &window, const QString &script)
{
    auto result = std::make_shared<std::optional<QVariant>>();
    window.pageView()->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                                             [result](const QVariant &value) { *result = value; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 10000))
        return QStringLiteral("<no answer from the page>");
    return **result;
}

// A computed style property of the first element `selector` matches.
QString style(MainWindow &window, const QString &selector, const QString &property)
{
    return runJavaScript(window, QStringLiteral("(function(){const e=document.querySelector('%1');"
                                                "return e?getComputedStyle(e)['%2']:'<no %1>';})()")
                                     .arg(selector, property))
        .toString();
}

bool waitForPage(MainWindow &window, const QString &pageId)
{
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && !window.pageView()->page()->isLoading();
    }, kLoadTimeout);
}

// Selects what a field holds and types `text` over it.
void typeOver(QWidget *field, const QString &text)
{
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

void tab(ReadingSettingsDialog *dialog)
{
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab);
}
}  // namespace

class TestGuiReadingSettings : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_data = std::make_unique<QTemporaryDir>();
    }
    void cleanup() { QSettings().clear(); }

    void everySettingReachesThePageAndSurvivesARestart();
    void escapeUndoesWhatTheDialogShowed();
    void skipLinkMovesTheFocusToTheContent();

private:
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(kCourse, kPage, m_data->path());
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active");
        return window;
    }
    // The settings set in everySettingReachesThePageAndSurvivesARestart, as the page shows them.
    void verifyPageShowsSettings(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_data;
};

void TestGuiReadingSettings::verifyPageShowsSettings(MainWindow &window)
{
    // Sepia, on the page loaded again in its colours (and styled: the style sheet has arrived).
    QTRY_COMPARE_WITH_TIMEOUT(style(window, QStringLiteral("body"), QStringLiteral("backgroundColor")), QStringLiteral("rgb(244, 236, 216)"), 10000);
    // Text size 150% of the page's 18 px reflows the text (zoom stays where it was).
    QTRY_COMPARE_WITH_TIMEOUT(style(window, QStringLiteral("html"), QStringLiteral("fontSize")), QStringLiteral("27px"), 10000);
    QCOMPARE(window.pageView()->zoom(), 1.0);
    QVERIFY2(style(window, QStringLiteral("body"), QStringLiteral("fontFamily")).startsWith(QLatin1String("\"Coursebook OpenDyslexic\"")),
             qPrintable(style(window, QStringLiteral("body"), QStringLiteral("fontFamily"))));
    // The bundled font itself, served by the app, not one the system may have.
    runJavaScript(window, QStringLiteral("document.fonts.load('16px \"Coursebook OpenDyslexic\"'), true"));
    const QString loaded = QStringLiteral("[...document.fonts].some(f => f.family.includes('Coursebook OpenDyslexic') && f.status === 'loaded')");
    QVERIFY(QTest::qWaitFor([&] { return runJavaScript(window, loaded).toBool(); }, 20000));
    QCOMPARE(style(window, QStringLiteral("body"), QStringLiteral("lineHeight")), QStringLiteral("67.5px"));      // 2.5 × 27 px
    QCOMPARE(style(window, QStringLiteral("body"), QStringLiteral("letterSpacing")), QStringLiteral("2.7px"));    // 0.1 em
    QCOMPARE(style(window, QStringLiteral("body"), QStringLiteral("wordSpacing")), QStringLiteral("8.1px"));      // 0.3 em
    // The text column is 50 characters wide (of the page's own font), beside its margins.
    const QVariant width = runJavaScript(window, QStringLiteral(
        "(function(){const p=document.querySelector('.page'),probe=document.createElement('div');"
        "probe.style.width='calc(50ch + 2 * clamp(1rem, 5vw, 3rem))';p.appendChild(probe);"
        "const w=probe.getBoundingClientRect().width;probe.remove();return [parseFloat(getComputedStyle(p).maxWidth), w];})()"));
    QVERIFY2(width.toList().size() == 2 && qAbs(width.toList()[0].toDouble() - width.toList()[1].toDouble()) < 1.0,
             qPrintable(width.toStringList().join(QLatin1Char(' '))));
    QCOMPARE(style(window, QStringLiteral("article em"), QStringLiteral("fontStyle")), QStringLiteral("normal"));
    // The activity card's link has no underline of its own (style.css): the setting gives it one.
    QCOMPARE(style(window, QStringLiteral("a.activity-open"), QStringLiteral("textDecorationLine")), QStringLiteral("underline"));
}

void TestGuiReadingSettings::everySettingReachesThePageAndSurvivesARestart()
{
    auto window = openWindow();
    QVERIFY(waitForPage(*window, kPage));
    // As style.css has them, before any setting.
    QCOMPARE(style(*window, QStringLiteral("article em"), QStringLiteral("fontStyle")), QStringLiteral("italic"));
    QCOMPARE(style(*window, QStringLiteral("a.activity-open"), QStringLiteral("textDecorationLine")), QStringLiteral("none"));

    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    ReadingSettingsDialog *dialog = window->readingSettings()->dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    typeOver(dialog->focusWidget(), QStringLiteral("150"));  // text size, focused first
    tab(dialog);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_End);  // the font: the last is OpenDyslexic
    tab(dialog);
    typeOver(dialog->focusWidget(), QStringLiteral("2.5"));  // line spacing
    tab(dialog);
    typeOver(dialog->focusWidget(), QStringLiteral("0.1"));  // letter spacing
    tab(dialog);
    typeOver(dialog->focusWidget(), QStringLiteral("0.3"));  // word spacing
    tab(dialog);
    typeOver(dialog->focusWidget(), QStringLiteral("50"));  // reading width
    tab(dialog);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Home);  // the theme: Follow the system, Light, Sepia
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Down);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Down);
    tab(dialog);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Space);  // no italics
    tab(dialog);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Space);  // underline links
    const ReadingSettings chosen = dialog->settings();
    QCOMPARE(chosen.textSize, 150);
    QCOMPARE(chosen.font, ReadingSettings::Font::Dyslexic);
    QCOMPARE(chosen.theme, QStringLiteral("sepia"));
    QVERIFY(chosen.noItalics && chosen.underlineLinks);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!window->readingSettings()->dialog());
    QVERIFY(waitForPage(*window, kPage));
    verifyPageShowsSettings(*window);

    window.reset();  // a restart: the settings file is all that is left
    window = openWindow();
    QVERIFY(waitForPage(*window, kPage));
    verifyPageShowsSettings(*window);
}

void TestGuiReadingSettings::escapeUndoesWhatTheDialogShowed()
{
    auto window = openWindow();
    QVERIFY(waitForPage(*window, kPage));
    QTest::keyClick(window.get(), Qt::Key_Comma, Qt::ControlModifier);
    ReadingSettingsDialog *dialog = window->readingSettings()->dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    typeOver(dialog->focusWidget(), QStringLiteral("200"));
    // Shown live, without a reload: the reader keeps their place.
    QTRY_COMPARE_WITH_TIMEOUT(style(*window, QStringLiteral("html"), QStringLiteral("fontSize")), QStringLiteral("36px"), 10000);
    QTest::keyClick(dialog->focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!window->readingSettings()->dialog());
    QTRY_COMPARE_WITH_TIMEOUT(style(*window, QStringLiteral("html"), QStringLiteral("fontSize")), QStringLiteral("18px"), 10000);
    QCOMPARE(QSettings().value(QStringLiteral("reading/textSize"), 100).toInt(), 100);
}

void TestGuiReadingSettings::skipLinkMovesTheFocusToTheContent()
{
    auto window = openWindow();
    QVERIFY(waitForPage(*window, kPage));
    window->pageView()->setFocus();
    QWidget *renderer = window->pageView()->focusProxy();
    QVERIFY(renderer);
    QTRY_VERIFY(renderer->hasFocus());
    QTest::keyClick(renderer, Qt::Key_Tab);
    QTRY_COMPARE_WITH_TIMEOUT(runJavaScript(*window, QStringLiteral("document.activeElement.className")).toString(), QStringLiteral("skip-link"), 5000);
    // Shown while focused: inside the view, not above it.
    QVERIFY(runJavaScript(*window, QStringLiteral("document.activeElement.getBoundingClientRect().top >= 0")).toBool());
    QTest::keyClick(renderer, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(runJavaScript(*window, QStringLiteral("document.activeElement.id")).toString(), QStringLiteral("content"), 5000);
    QCOMPARE(window->currentPageId(), kPage);  // the same page, not a new visit
}

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestGuiReadingSettings test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_gui_reading_settings.moc"
