// Where the learner stands, in the reading window on a small course (tests/data/progress):
// the contents show each page unread, visited or done and each module's "n of m"; Ctrl+Shift+D
// and the contents' context menu (the Menu key) mark a page done and not done; finishing a page's activities in the Workbook makes it
// done; the course home lists progress by module and the activities still open, each a link
// to its editor; and reopening the course returns to the heading the learner was reading,
// at another zoom too.

#include "ActivityPanel.h"
#include "AnswerEditor.h"
#include "AnswerStore.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PageState.h"
#include "PageView.h"
#include "WorkbookPane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QCheckBox>
#include <QMenu>
#include <QTimer>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <algorithm>
#include <memory>
#include <optional>

namespace {

const QString kCourse = QStringLiteral(TESTDATA_DIR "/progress");
const QString kWelcome = QStringLiteral("first/welcome");
const QString kPlan = QStringLiteral("first/plan");
const QString kLongRead = QStringLiteral("first/long-read");
const QString kOverview = QStringLiteral("second/overview");
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

QTreeWidgetItem *moduleItem(MainWindow &window, const QString &moduleId)
{
    NavigationTree *tree = window.navigationTree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, NavigationTree::ModuleIdRole).toString() == moduleId)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

PageState::State treeState(MainWindow &window, const QString &pageId)
{
    const QTreeWidgetItem *item = window.navigationTree()->itemForPage(pageId);
    return item ? PageState::State(item->data(0, NavigationTree::PageStateRole).toInt()) : PageState::State::Unread;
}

QString accessibleDescription(const QTreeWidgetItem *item)
{
    return item ? item->data(0, Qt::AccessibleDescriptionRole).toString() : QStringLiteral("<no entry>");
}

int pagesDone(MainWindow &window, const QString &moduleId)
{
    const QTreeWidgetItem *item = moduleItem(window, moduleId);
    return item ? item->data(0, NavigationTree::PagesDoneRole).toInt() : -1;
}

QString savedAnchor(MainWindow &window, const QString &pageId)
{
    const QVector<PageProgress> all = window.answerStore()->progress(window.course().id);
    const auto found = std::find_if(all.begin(), all.end(), [&](const PageProgress &p) { return p.pageId == pageId; });
    return found == all.end() ? QStringLiteral("<not saved>") : found->anchor;
}

// [heading id, fraction through its section] of the view, as the reading position counts them.
QVariantList viewPosition(MainWindow &window)
{
    return runJavaScript(window, QStringLiteral(
        "(function(){const hs=[...document.querySelectorAll('h2[id]')];let i=-1;"
        "for(let k=0;k<hs.length&&hs[k].getBoundingClientRect().top<=1;++k)i=k;if(i<0)return ['',0];"
        "const s=hs[i].getBoundingClientRect().top,e=i+1<hs.length?hs[i+1].getBoundingClientRect().top:document.documentElement.scrollHeight-window.scrollY;"
        "return [hs[i].id,-s/(e-s)];})()")).toList();
}

}  // namespace

class TestReadingProgressWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void treeShowsStatesAndMarksFromTheKeyboard();
    void finishingTheActivitiesMakesThePageDone();
    void courseHomeListsProgressAndOpenActivities();
    void reopeningReturnsToTheHeading();
    void quickTurnsAndAQuickCloseCountEveryPage();
    void turnsWaitForNoDatabaseLock();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &pageId);
    bool waitForPage(MainWindow &window, const QString &pageId);

    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestReadingProgressWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestReadingProgressWindow::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void TestReadingProgressWindow::cleanup()
{
    QSettings().clear();
    m_dataDir.reset();
}

bool TestReadingProgressWindow::waitForPage(MainWindow &window, const QString &pageId)
{
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && !window.pageView()->page()->isLoading();
    }, kLoadTimeout);
}

std::unique_ptr<MainWindow> TestReadingProgressWindow::openWindow(const QString &pageId)
{
    auto window = std::make_unique<MainWindow>(kCourse, pageId, m_dataDir->path());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    return window;
}

void TestReadingProgressWindow::treeShowsStatesAndMarksFromTheKeyboard()
{
    auto window = openWindow(kWelcome);
    QVERIFY(waitForPage(*window, kWelcome));
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kWelcome), PageState::State::Visited, 5000);
    QCOMPARE(treeState(*window, kPlan), PageState::State::Unread);
    QCOMPARE(accessibleDescription(window->navigationTree()->itemForPage(kWelcome)), QStringLiteral("Welcome to the Course, visited"));
    QCOMPARE(accessibleDescription(window->navigationTree()->itemForPage(kPlan)), QStringLiteral("Make a Plan, unread"));
    QCOMPARE(accessibleDescription(moduleItem(*window, QStringLiteral("first"))), QStringLiteral("Getting Started, 0 of 3 pages done"));
    QCOMPARE(moduleItem(*window, QStringLiteral("first"))->data(0, NavigationTree::PageCountRole).toInt(), 3);

    // Ctrl+Shift+D marks the page being read done (it has no activities: only a mark makes it so)...
    window->navigationTree()->setFocus();
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kWelcome), PageState::State::Done, 5000);
    QCOMPARE(accessibleDescription(window->navigationTree()->itemForPage(kWelcome)), QStringLiteral("Welcome to the Course, done"));
    QCOMPARE(pagesDone(*window, QStringLiteral("first")), 1);
    QCOMPARE(accessibleDescription(moduleItem(*window, QStringLiteral("first"))), QStringLiteral("Getting Started, 1 of 3 pages done"));

    // ... and again, not done.
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kWelcome), PageState::State::Visited, 5000);
    QCOMPARE(pagesDone(*window, QStringLiteral("first")), 0);

    // Arrowing down the contents opens the next page, which becomes visited.
    QTest::keyClick(window->navigationTree(), Qt::Key_Down);
    QVERIFY(waitForPage(*window, kPlan));
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kPlan), PageState::State::Visited, 5000);

    // The Menu key offers the same on the current entry (the menu runs its own loop: the keys
    // that answer it are sent once it shows).
    QString offered;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        answer.stop();
        offered = menu->actions().value(0) ? menu->actions().value(0)->text() : QString();
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    answer.start(100);
    // From the X server, as a keyboard sends it: the platform turns the Menu key into a context menu.
    QVERIFY(QProcess::startDetached(QStringLiteral("xdotool"), {QStringLiteral("key"), QStringLiteral("Menu")}));
    QTRY_COMPARE_WITH_TIMEOUT(offered, QStringLiteral("Mark as &Done"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kPlan), PageState::State::Done, 5000);
    QCOMPARE(pagesDone(*window, QStringLiteral("first")), 1);
}

void TestReadingProgressWindow::finishingTheActivitiesMakesThePageDone()
{
    auto window = openWindow(kPlan);
    QVERIFY(waitForPage(*window, kPlan));
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kPlan), PageState::State::Visited, 5000);
    QCOMPARE(pagesDone(*window, QStringLiteral("first")), 0);

    const QStringList activities{QStringLiteral("first/plan#your-first-idea"), QStringLiteral("first/plan#who-it-is-for")};
    const QStringList answers{QStringLiteral("A zine club on Fridays"), QStringLiteral("Teens who draw")};
    for (int i = 0; i < activities.size(); ++i) {
        QCOMPARE(treeState(*window, kPlan), PageState::State::Visited);  // one still open
        window->openActivity(activities.at(i));
        ActivityPanel *panel = window->workbookPane()->panel(activities.at(i));
        QVERIFY(panel);
        auto *box = panel->editor()->findChild<QPlainTextEdit *>();
        QVERIFY(box);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), box, 10000);
        QTest::keyClicks(box, answers.at(i));
        auto *done = panel->findChild<QCheckBox *>();
        QVERIFY(done);
        done->setFocus(Qt::TabFocusReason);
        QTest::keyClick(done, Qt::Key_Space);
        QVERIFY(done->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(window->answerStore()->answer(window->course().id, activities.at(i)).value_or(Answer{}).done, 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(treeState(*window, kPlan), PageState::State::Done, 5000);
    QCOMPARE(pagesDone(*window, QStringLiteral("first")), 1);
    QCOMPARE(accessibleDescription(window->navigationTree()->itemForPage(kPlan)), QStringLiteral("Make a Plan, done"));
}

void TestReadingProgressWindow::courseHomeListsProgressAndOpenActivities()
{
    auto window = openWindow(Course::kHomePageId);
    QVERIFY(waitForPage(*window, Course::kHomePageId));
    const QString summary = QStringLiteral("(function(){const s=document.getElementById('course-progress');"
                                           "return s?s.innerText:'<no section>';})()");
    QTRY_VERIFY_WITH_TIMEOUT(runJavaScript(*window, summary).toString().contains(QStringLiteral("Getting Started")), 10000);
    QString text = runJavaScript(*window, summary).toString();
    QVERIFY2(text.contains(QStringLiteral("0 of 3 pages done")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0 of 2 pages done")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Your first idea")) && text.contains(QStringLiteral("Looking back")), qPrintable(text));

    // Its link opens the activity's editor on the activity's own page.
    runJavaScript(*window, QStringLiteral("document.querySelector('#course-progress a[href=\"%1\"]').click()")
                               .arg(CourseUrl::activity(QStringLiteral("second/reflect#looking-back")).toString()));
    QVERIFY(waitForPage(*window, QStringLiteral("second/reflect")));
    ActivityPanel *panel = window->workbookPane()->panel(QStringLiteral("second/reflect#looking-back"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isAncestorOf(QApplication::focusWidget()), 10000);

    // A page holding the section (here a module's page) shows the same, up to date.
    QVERIFY(window->answerStore()->markPage(window->course().id, kWelcome, PageProgress::Mark::Done));
    window->showPage(kOverview);
    QVERIFY(waitForPage(*window, kOverview));
    QTRY_VERIFY_WITH_TIMEOUT(runJavaScript(*window, summary).toString().contains(QStringLiteral("1 of 3 pages done")), 10000);
}

void TestReadingProgressWindow::reopeningReturnsToTheHeading()
{
    QVariantList before;
    {
        auto window = openWindow(kLongRead);
        QVERIFY(waitForPage(*window, kLongRead));
        window->pageView()->setFocus();
        QWidget *renderer = window->pageView()->focusProxy();
        QVERIFY(renderer);
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(renderer, Qt::Key_PageDown);
            QTest::qWait(150);
        }
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(renderer, Qt::Key_Down);
        QTRY_VERIFY_WITH_TIMEOUT(window->pageView()->page()->scrollPosition().y() > 0, 10000);
        QTest::qWait(600);  // the scroll comes to rest, and is saved
        before = viewPosition(*window);
        QCOMPARE(before.size(), 2);
        QVERIFY2(!before.at(0).toString().isEmpty(), "no heading above the top of the view");
        QTRY_COMPARE_WITH_TIMEOUT(savedAnchor(*window, kLongRead), before.at(0).toString(), 5000);
        window->close();
    }
    QSettings().setValue(QStringLiteral("view/zoom"), 1.5);

    auto window = openWindow(QString());  // the last page read
    QVERIFY(waitForPage(*window, kLongRead));
    QCOMPARE(window->pageView()->zoom(), 1.5);
    QTRY_COMPARE_WITH_TIMEOUT(viewPosition(*window).value(0).toString(), before.at(0).toString(), 10000);
    const double fraction = viewPosition(*window).value(1).toDouble();
    QVERIFY2(qAbs(fraction - before.at(1).toDouble()) < 0.02,
             qPrintable(QStringLiteral("%1 of the section, was %2").arg(fraction).arg(before.at(1).toDouble())));
}

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestReadingProgressWindow test;
    return QTest::qExec(&test, argc, argv);
}
// A visit is written just after the page's first frame, not in the turn: pages turned past
// faster than that, and the last one when the window closes at once, are still counted.
void TestReadingProgressWindow::quickTurnsAndAQuickCloseCountEveryPage()
{
    const QStringList pages{kPlan, kLongRead, kOverview};
    QString courseId;
    {
        auto window = openWindow(kWelcome);
        QVERIFY(waitForPage(*window, kWelcome));
        courseId = window->course().id;
        for (const QString &pageId : pages) {
            window->showPage(pageId);
            QTRY_COMPARE_WITH_TIMEOUT(window->currentPageId(), pageId, kLoadTimeout);  // committed, not waited on
        }
    }  // closed as soon as the last page is in
    AnswerStore store;
    QCOMPARE(store.open(m_dataDir->path()).status, AnswerStore::OpenReport::Status::Ok);
    QStringList visited;
    for (const PageProgress &page : store.progress(courseId))
        visited << page.pageId;
    for (const QString &pageId : pages)
        QVERIFY2(visited.contains(pageId), qPrintable(pageId + QStringLiteral(" not counted; counted: ") + visited.join(u' ')));
}

#include "tst_gui_reading_progress.moc"

// Reading positions are written off the UI thread: with another program holding the answers
// file's write lock (as a slow disk's sync would hold the commit), pages still turn without
// the window freezing, and the visits are written once the lock is let go.
void TestReadingProgressWindow::turnsWaitForNoDatabaseLock()
{
    auto window = openWindow(kWelcome);
    QVERIFY(waitForPage(*window, kWelcome));
    const QString courseId = window->course().id;
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(QDir(m_dataDir->path()).filePath(QStringLiteral("answers.sqlite")));
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));

        // The longest the event loop went without running: a write on the UI thread would wait
        // for the lock up to the store's busy timeout (5 s).
        QElapsedTimer sinceBeat;
        sinceBeat.start();
        qint64 longestGap = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] { longestGap = std::max(longestGap, sinceBeat.restart()); });
        heartbeat.start();
        for (const QString &pageId : {kPlan, kLongRead, kOverview}) {
            window->showPage(pageId);
            QVERIFY(waitForPage(*window, pageId));
            QTest::qWait(150);  // past the visit's delay
        }
        heartbeat.stop();
        QVERIFY2(longestGap < 2000, qPrintable(QStringLiteral("the window froze for %1 ms").arg(longestGap)));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    const auto visited = [&] {
        QStringList pages;
        for (const PageProgress &page : window->answerStore()->progress(courseId))
            pages << page.pageId;
        return pages;
    };
    for (const QString &pageId : {kWelcome, kPlan, kLongRead})
        QTRY_VERIFY2_WITH_TIMEOUT(visited().contains(pageId), qPrintable(pageId + QStringLiteral(" not counted; counted: ") + visited().join(u' ')), kLoadTimeout);
}
