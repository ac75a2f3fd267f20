// The course search (Ctrl+K, Ctrl+Shift+F), driven as the learner drives it on a small course
// (tests/data/find): results come as they type, ranked and grouped under their modules, the
// count told to screen readers; Enter opens the chosen page with every match marked, F3 steps
// through them, Esc goes back to the page and the focus the search started from; a word
// just typed in an answer is found at once, as "My answer", and opens its editor.

#include "ActivityPanel.h"
#include "AnswerEditor.h"
#include "CourseSearchPanel.h"
#include "FindBar.h"
#include "FindController.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PageHighlighter.h"
#include "PageView.h"
#include "SearchResultDelegate.h"
#include "SearchResultList.h"
#include "StatusLabel.h"
#include "WorkbookPane.h"

#include <QApplication>
#include <QAccessible>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <memory>
#include <optional>

namespace {

const QString kCourse = QStringLiteral(TESTDATA_DIR "/find");
const QString kStart = QStringLiteral("basics/start");
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

int markCount(MainWindow &window)
{
    return runJavaScript(window, QStringLiteral("document.querySelectorAll('mark.coursebook-find').length")).toInt();
}

double scrollY(MainWindow &window)
{
    return runJavaScript(window, QStringLiteral("window.scrollY")).toDouble();
}

bool pageShown(MainWindow &window, const QString &pageId)
{
    return window.currentPageId() == pageId && !window.pageView()->page()->isLoading();
}

// The rows as the list shows them: "# Module" for a heading, "Title (Kind)" for a hit.
QStringList rows(SearchResultList *list)
{
    QStringList shown;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(SearchResultList::HitRole).toInt() < 0)
            shown << QStringLiteral("# ") + index.data().toString();
        else
            shown << QStringLiteral("%1 (%2)").arg(index.data().toString(), index.data(SearchResultList::KindRole).toString());
    }
    return shown;
}

// The focusable widgets under `root` that a screen reader would meet without a name.
QStringList unnamedFocusable(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible())
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
    }
    return unnamed;
}

}  // namespace

class TestCourseSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void snippetsAreEscapedAndMarked();
    void searchOpensAndEscReturns();
    void answerIsFoundAtOnce();
    void escReturnsToTheScrollPosition();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &pageId);
    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestCourseSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

std::unique_ptr<MainWindow> TestCourseSearch::openWindow(const QString &pageId)
{
    auto window = std::make_unique<MainWindow>(kCourse, pageId, m_dataDir->path());
    new FindController(window.get());
    window->resize(1100, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    if (!QTest::qWaitFor([&] { return pageShown(*window, pageId); }, kLoadTimeout))
        qWarning("the first page did not load");
    return window;
}

void TestCourseSearch::snippetsAreEscapedAndMarked()
{
    const QString snippet = QStringLiteral("a <b>&amp; ") + QChar(0xE000) + QStringLiteral("Café") + QChar(0xE001) + QStringLiteral(" <i>");
    QCOMPARE(SearchResultDelegate::snippetHtml(snippet),
             QStringLiteral("a &lt;b&gt;&amp;amp; <b style=\"background-color:#ffe066;color:#000000\">Café</b> &lt;i&gt;"));
    // A mark the snippet cut off before its end is closed.
    QVERIFY(SearchResultDelegate::snippetHtml(QChar(0xE000) + QStringLiteral("comp")).endsWith(QStringLiteral("comp</b>")));
}

void TestCourseSearch::searchOpensAndEscReturns()
{
    auto window = openWindow(kStart);
    CourseSearchPanel *panel = window->findChild<FindController *>()->searchPanel();
    window->navigationTree()->setFocus();
    QTRY_VERIFY(window->navigationTree()->hasFocus());

    QTest::keyClick(window->navigationTree(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(panel->isVisible());
    QTRY_VERIFY(panel->field()->hasFocus());
    QCOMPARE(panel->field()->accessibleName(), QStringLiteral("Search course"));
    QCOMPARE(panel->results()->accessibleName(), QStringLiteral("Search results"));

    // Results as the word is typed: both pages with it, each under its module's heading.
    QTest::keyClicks(panel->field(), QStringLiteral("compost"));
    QTRY_VERIFY2_WITH_TIMEOUT(panel->results()->hitCount() == 2, qPrintable(panel->status()->text()), 20000);
    // Each hit under its module's heading (the modules in the order of their best hit).
    const QStringList shown = rows(panel->results());
    QCOMPARE(shown.size(), 4);
    const qsizetype garden = shown.indexOf(QStringLiteral("The Community Garden (Page)"));
    QVERIFY2(garden == 1 || garden == 3, qPrintable(shown.join(QLatin1String(" | "))));
    QCOMPARE(shown.at(garden - 1), QStringLiteral("# Garden Basics"));
    const qsizetype other = (garden + 1) % 4;  // the other module's heading
    QCOMPARE(shown.at(other), QStringLiteral("# Garden Projects"));
    QCOMPARE(shown.at(other + 1), QStringLiteral("Harvest Day (Page)"));
    QCOMPARE(panel->status()->text(), QStringLiteral("2 results"));
    QCOMPARE(panel->status()->accessibleName(), QStringLiteral("Search results: 2 results"));
    QCOMPARE(unnamedFocusable(panel), QStringList());
    QCOMPARE(panel->results()->currentIndex().row(), 1);  // the best hit, not its heading

    // Down goes past the heading to the next hit; Up comes back.
    QTest::keyClick(panel->field(), Qt::Key_Down);
    QCOMPARE(panel->results()->currentIndex().row(), 3);
    QTest::keyClick(panel->field(), Qt::Key_Up);
    QCOMPARE(panel->results()->currentIndex().row(), 1);
    if (garden == 3)
        QTest::keyClick(panel->field(), Qt::Key_Down);
    QCOMPARE(panel->results()->currentIndex().row(), garden);

    // Enter opens the garden page, every "compost" marked and the first in view.
    QTest::keyClick(panel->field(), Qt::Key_Return);
    QTRY_VERIFY(!panel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(pageShown(*window, kGarden), kLoadTimeout);
    PageHighlighter *highlighter = window->findChild<FindController *>()->highlighter();
    QTRY_COMPARE_WITH_TIMEOUT(highlighter->count(), 3, 10000);
    QCOMPARE(markCount(*window), 3);
    QCOMPARE(highlighter->current(), 1);
    const double firstScroll = scrollY(*window);
    QVERIFY(firstScroll > 0);

    // F3 steps to the next match, from the page.
    QTRY_VERIFY(window->pageView()->isAncestorOf(QApplication::focusWidget()) || window->pageView()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    QTRY_COMPARE_WITH_TIMEOUT(highlighter->current(), 2, 10000);
    QVERIFY(scrollY(*window) > firstScroll);

    // Esc in the page: back on the page the search started from, the focus in the contents.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(pageShown(*window, kStart), kLoadTimeout);
    QTRY_VERIFY(window->navigationTree()->hasFocus());

    // A word no page has: said plainly.
    QTest::keyClick(window->navigationTree(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(panel->field()->hasFocus());
    QTest::keyClicks(panel->field(), QStringLiteral("xylophone"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->status()->text(), QStringLiteral("No results"), 10000);
    QCOMPARE(panel->results()->hitCount(), 0);
    // Esc in the panel closes it and gives the focus back.
    QTest::keyClick(panel->field(), Qt::Key_Escape);
    QTRY_VERIFY(!panel->isVisible());
    QTRY_VERIFY(window->navigationTree()->hasFocus());

    // The find bar's fields and buttons have names too.
    QTest::keyClick(window->navigationTree(), Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = window->findChild<FindController *>()->findBar();
    QTRY_VERIFY(bar->field()->hasFocus());
    QCOMPARE(unnamedFocusable(bar), QStringList());
}

void TestCourseSearch::answerIsFoundAtOnce()
{
    auto window = openWindow(kGarden);
    QTRY_COMPARE_WITH_TIMEOUT(window->workbookPane()->activityCount(), 1, 10000);
    auto *answer = window->workbookPane()->findChild<QPlainTextEdit *>();
    QVERIFY(answer);
    answer->setFocus();
    QTRY_VERIFY(answer->hasFocus());
    QTest::keyClicks(answer, QStringLiteral("Sunflowers along the fence"));

    // Straight on to the search: leaving the editor saves it, and the index has it.
    window->navigationTree()->setFocus();
    QTest::keyClick(window->navigationTree(), Qt::Key_K, Qt::ControlModifier);
    CourseSearchPanel *panel = window->findChild<FindController *>()->searchPanel();
    QTRY_VERIFY(panel->field()->hasFocus());
    QTest::keyClicks(panel->field(), QStringLiteral("sunflowers"));
    QTRY_VERIFY2_WITH_TIMEOUT(panel->results()->hitCount() == 1, qPrintable(panel->status()->text()), 20000);
    QCOMPARE(rows(panel->results()), (QStringList{QStringLiteral("# Garden Basics"), QStringLiteral("The Community Garden (My answer)")}));

    // Enter: the answer's editor in view, with the focus in it.
    answer->clearFocus();
    QTest::keyClick(panel->field(), Qt::Key_Return);
    QTRY_VERIFY(!panel->isVisible());
    QTRY_VERIFY(answer->hasFocus());
    QVERIFY(answer->isVisible());
}

void TestCourseSearch::escReturnsToTheScrollPosition()
{
    // Reading the garden page well down it, the learner looks something up on another page.
    auto window = openWindow(kGarden);
    runJavaScript(*window, QStringLiteral("window.scrollTo(0, 1500)"));
    QTRY_COMPARE_WITH_TIMEOUT(scrollY(*window), 1500.0, 5000);
    window->pageView()->setFocus();
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    CourseSearchPanel *panel = window->findChild<FindController *>()->searchPanel();
    QTRY_VERIFY(panel->field()->hasFocus());
    QTest::keyClicks(panel->field(), QStringLiteral("baskets"));
    QTRY_VERIFY2_WITH_TIMEOUT(panel->results()->hitCount() == 1, qPrintable(panel->status()->text()), 20000);
    QTest::keyClick(panel->field(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(pageShown(*window, QStringLiteral("projects/harvest")), kLoadTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(markCount(*window), 1, 10000);

    // Esc: the garden page again, where it was read, the focus in the page.
    QTRY_VERIFY(window->pageView()->isAncestorOf(QApplication::focusWidget()) || window->pageView()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(pageShown(*window, kGarden), kLoadTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(scrollY(*window), 1500.0, 5000);
    QTRY_VERIFY(window->pageView()->isAncestorOf(QApplication::focusWidget()) || window->pageView()->hasFocus());
}

QTEST_MAIN(TestCourseSearch)
#include "tst_gui_course_search.moc"
