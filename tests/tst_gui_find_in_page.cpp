// Find in page (Ctrl+F), driven as the learner drives it on a small course (tests/data/find):
// what is typed is marked in the page and counted ("1 of 3"), the first match scrolled into
// view; F3, Enter and Shift+Enter step through the matches; accents and case fold ("cafe"
// finds "Café"); Esc closes the bar, takes the marks away and gives the focus back.

#include "CourseUrl.h"
#include "FindBar.h"
#include "FindController.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PageView.h"
#include "StatusLabel.h"

#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <memory>
#include <optional>

namespace {

const QString kCourse = QStringLiteral(TESTDATA_DIR "/find");
const QString kGarden = QStringLiteral("basics/garden");
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

// What the page shows: how many marks, which one is current and its text, whether it is in
// view, and how far the page is scrolled.
QVariantMap marks(MainWindow &window)
{
    return runJavaScript(window, QStringLiteral(
        "(function(){const m=[...document.querySelectorAll('mark.coursebook-find')];"
        "const c=m.findIndex(e=>e.hasAttribute('data-current'));const r=c>=0?m[c].getBoundingClientRect():null;"
        "return {count:m.length,current:c+1,text:c>=0?m[c].textContent:'',"
        "inView:!!r&&r.top>=0&&r.bottom<=window.innerHeight,scrollY:window.scrollY,"
        "body:document.body.textContent.includes('Turn the compost heap every week')};})()")).toMap();
}

}  // namespace

class TestFindInPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void findsStepsAndCloses();
    void foldsAccentsAndCase();

private:
    std::unique_ptr<MainWindow> openWindow();
    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestFindInPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

std::unique_ptr<MainWindow> TestFindInPage::openWindow()
{
    auto window = std::make_unique<MainWindow>(kCourse, kGarden, m_dataDir->path());
    new FindController(window.get());
    window->resize(1100, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    const bool loaded = QTest::qWaitFor([&] {
        return window->currentPageId() == kGarden && !window->pageView()->page()->isLoading();
    }, kLoadTimeout);
    if (!loaded)
        qWarning("the garden page did not load");
    return window;
}

void TestFindInPage::findsStepsAndCloses()
{
    auto window = openWindow();
    auto *controller = window->findChild<FindController *>();
    QVERIFY(controller);
    FindBar *bar = controller->findBar();
    window->navigationTree()->setFocus();
    QTRY_VERIFY(window->navigationTree()->hasFocus());

    QTest::keyClick(window->navigationTree(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(bar->isVisible());
    QTRY_VERIFY(bar->field()->hasFocus());
    QCOMPARE(bar->field()->accessibleName(), QStringLiteral("Find in page"));

    QTest::keyClicks(bar->field(), QStringLiteral("compost"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("1 of 3"), 10000);
    QCOMPARE(bar->status()->accessibleName(), QStringLiteral("Matches: 1 of 3"));
    QVariantMap page = marks(*window);
    QCOMPARE(page.value(QStringLiteral("count")).toInt(), 3);
    QCOMPARE(page.value(QStringLiteral("current")).toInt(), 1);
    QCOMPARE(page.value(QStringLiteral("text")).toString(), QStringLiteral("compost"));
    QVERIFY2(page.value(QStringLiteral("inView")).toBool(), "the first match is not scrolled into view");
    QVERIFY(page.value(QStringLiteral("body")).toBool());  // the words are all still there, marked
    const double firstScroll = page.value(QStringLiteral("scrollY")).toDouble();
    QVERIFY2(firstScroll > 0, "the first match is screens down: the page should have scrolled");

    // F3 (anywhere in the window, here from the bar's field) goes to the next match, further down.
    QTest::keyClick(bar->field(), Qt::Key_F3);
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("2 of 3"), 10000);
    page = marks(*window);
    QCOMPARE(page.value(QStringLiteral("current")).toInt(), 2);
    QVERIFY(page.value(QStringLiteral("inView")).toBool());
    QVERIFY2(page.value(QStringLiteral("scrollY")).toDouble() > firstScroll, "F3 did not scroll to the next match");

    // Enter and Shift+Enter in the field, Shift+F3: next, previous, previous, wrapping to the last.
    QTest::keyClick(bar->field(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("3 of 3"), 10000);
    QTest::keyClick(bar->field(), Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("2 of 3"), 10000);
    QTest::keyClick(bar->field(), Qt::Key_F3, Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("1 of 3"), 10000);
    QTest::keyClick(bar->field(), Qt::Key_F3, Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("3 of 3"), 10000);
    QCOMPARE(marks(*window).value(QStringLiteral("current")).toInt(), 3);

    // A word the page does not have.
    bar->field()->selectAll();
    QTest::keyClicks(bar->field(), QStringLiteral("zucchini"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("No matches"), 10000);
    QCOMPARE(marks(*window).value(QStringLiteral("count")).toInt(), 0);

    // Esc: the bar closes, the marks go, the focus is back in the contents.
    bar->field()->selectAll();
    QTest::keyClicks(bar->field(), QStringLiteral("compost"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("1 of 3"), 10000);
    QTest::keyClick(bar->field(), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
    QTRY_VERIFY(window->navigationTree()->hasFocus());
    QTRY_COMPARE_WITH_TIMEOUT(marks(*window).value(QStringLiteral("count")).toInt(), 0, 10000);
    QVERIFY(marks(*window).value(QStringLiteral("body")).toBool());  // unmarked, the text is whole again
}

void TestFindInPage::foldsAccentsAndCase()
{
    auto window = openWindow();
    FindBar *bar = window->findChild<FindController *>()->findBar();
    window->pageView()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(bar->field()->hasFocus());
    // "Café", "cafe" and "café" are on the page: typed without the accent, all three.
    QTest::keyClicks(bar->field(), QStringLiteral("cafe"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("1 of 3"), 10000);
    QCOMPARE(marks(*window).value(QStringLiteral("text")).toString(), QStringLiteral("Café"));
    // Typed with it, in capitals: the same three.
    bar->field()->selectAll();
    QTest::keyClicks(bar->field(), QStringLiteral("CAFÉ"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->status()->text(), QStringLiteral("1 of 3"), 10000);
    QCOMPARE(marks(*window).value(QStringLiteral("count")).toInt(), 3);
}

QTEST_MAIN(TestFindInPage)
#include "tst_gui_find_in_page.moc"
