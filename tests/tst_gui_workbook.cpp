// The workbook in the reading window, on the bundled course: the pane follows the page,
// the in-page cards open it and show how far the learner is, what is typed is saved (at
// once when the focus leaves a field or the page changes) and comes back, --activity opens an answer, and a damaged
// answers file is moved aside without stopping anything.

#include "ActivityPanel.h"
#include "AnswerAutosaver.h"
#include "AnswerEditor.h"
#include "AnswerStore.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PageView.h"
#include "WorkbookPane.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>
#include <QWindow>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

const QString kWelcome = QStringLiteral("getting-started/welcome");
const QString kNoActivities = QStringLiteral("getting-started/using-the-workbook");
const QString kMistakes = QStringLiteral("getting-started/iteration-and-mistakes");
const QString kKwl = QStringLiteral("kwl-course");
const QString kReflectMistake = QStringLiteral("reflect-mistake");
constexpr int kLoadTimeout = 30000;

// Runs `script` in the page's application world and waits for its result.
QVariant runJavaScript(MainWindow &window, const QString &script)
{
    struct Result {
        bool done = false;
        QVariant value;
    };
    auto result = std::make_shared<Result>();
    window.pageView()->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [result](const QVariant &value) {
        result->value = value;
        result->done = true;
    });
    if (!QTest::qWaitFor([&] { return result->done; }, 10000))
        return QStringLiteral("<no answer from the page>");
    return result->value;
}

// The in-page card's state label ("Not started", "In progress", "Done").
QString cardState(MainWindow &window, const QString &activityId)
{
    return runJavaScript(window, QStringLiteral("(function(){const c=document.querySelector('.activity-card[data-activity-id=\"%1\"]');"
                                                "return c ? c.querySelector('.activity-state').textContent : '<no card>';})()")
                                     .arg(activityId))
        .toString();
}

bool isInside(const QWidget *widget, const QWidget *ancestor)
{
    return widget && ancestor && ancestor->isAncestorOf(widget);
}

QString describe(const QWidget *widget)
{
    if (!widget)
        return QStringLiteral("nothing");
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The KWL editor's "experience" box (its first input).
QPlainTextEdit *experienceBox(ActivityPanel *panel)
{
    return panel ? panel->editor()->findChild<QPlainTextEdit *>(QStringLiteral("experience")) : nullptr;
}

// Opens the course KWL in the Workbook and returns its experience box once it has the
// focus, else nullptr.
QPlainTextEdit *focusedKwlExperience(MainWindow &window)
{
    window.openActivity(kKwl);
    QPlainTextEdit *box = experienceBox(window.workbookPane()->panel(kKwl));
    return box && QTest::qWaitFor([box] { return QApplication::focusWidget() == box; }, 10000) ? box : nullptr;
}

QString experienceOf(const std::optional<Answer> &answer)
{
    return answer ? answer->value.value(QStringLiteral("experience")).toString() : QStringLiteral("<no answer>");
}

QMessageBox *visibleMessageBox()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible())
            return box;
    }
    return nullptr;
}

}  // namespace

class TestWorkbook : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void paneListsThePageActivities();
    void openInWorkbookFocusesThePanel();
    void typingSavesAndTheCardFollows();
    void leavingAFieldSavesAtOnce();
    void changingPageSavesAtOnce();
    void answersComeBack();
    void activityOptionOpensItsPage();
    void damagedAnswersFileIsMovedAside();

private:
    // A window on the bundled course, shown, active, with `pageId` loaded.
    std::unique_ptr<MainWindow> openWindow(const QString &pageId);
    bool waitForPage(MainWindow &window, const QString &pageId, QSignalSpy &loaded);

    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestWorkbook::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    QSettings().clear();
}

void TestWorkbook::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void TestWorkbook::cleanup()
{
    QSettings().clear();  // no page, layout or zoom carried into the next test
    m_dataDir.reset();
}

bool TestWorkbook::waitForPage(MainWindow &window, const QString &pageId, QSignalSpy &loaded)
{
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && std::any_of(loaded.cbegin(), loaded.cend(), [](const QList<QVariant> &args) { return args.first().toBool(); });
    }, kLoadTimeout);
}

std::unique_ptr<MainWindow> TestWorkbook::openWindow(const QString &pageId)
{
    auto window = std::make_unique<MainWindow>(QStringLiteral(BUNDLED_COURSE_DIR), pageId, m_dataDir->path());
    QSignalSpy loaded(window->pageView(), &QWebEngineView::loadFinished);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    if (!waitForPage(*window, pageId, loaded))
        qWarning("%s did not load", qPrintable(pageId));
    return window;
}

void TestWorkbook::paneListsThePageActivities()
{
    auto window = openWindow(kWelcome);
    QCOMPARE(window->currentPageId(), kWelcome);
    WorkbookPane *pane = window->workbookPane();
    QCOMPARE(pane->activityCount(), 1);
    QVERIFY(pane->panel(kKwl));
    QCOMPARE(pane->panel(kKwl)->spec().id, kKwl);
    QVERIFY(pane->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("Not started"), 10000);

    // Another page: its own (no) activities, not the last page's.
    QSignalSpy loaded(window->pageView(), &QWebEngineView::loadFinished);
    window->showPage(kNoActivities);
    QVERIFY(waitForPage(*window, kNoActivities, loaded));
    // The pane follows once the page is drawn, by itself (nothing here asks the window for
    // it, which would bring it up to date at once).
    QTRY_COMPARE_WITH_TIMEOUT(pane->activityCount(), 0, 2000);
    QVERIFY(!pane->panel(kKwl));
    window->showPage(kWelcome);
    QTRY_COMPARE_WITH_TIMEOUT(pane->activityCount(), 1, kLoadTimeout);
    QVERIFY(pane->panel(kKwl));

    // And straight onto a page without activities.
    window.reset();
    window = openWindow(kNoActivities);
    QCOMPARE(window->currentPageId(), kNoActivities);
    QCOMPARE(window->workbookPane()->activityCount(), 0);
}

void TestWorkbook::openInWorkbookFocusesThePanel()
{
    auto window = openWindow(kWelcome);
    ActivityPanel *panel = window->workbookPane()->panel(kKwl);
    QVERIFY(panel);
    window->navigationTree()->setFocus();
    QTRY_VERIFY(window->navigationTree()->hasFocus());
    QVERIFY(!isInside(QApplication::focusWidget(), panel));

    window->pageView()->page()->runJavaScript(QStringLiteral("document.querySelector('a.activity-open').click()"),
                                              QWebEngineScript::ApplicationWorld);
    QTRY_VERIFY2_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel->editor()),
                              qPrintable(QStringLiteral("focus is on %1").arg(describe(QApplication::focusWidget()))), 10000);
    QVERIFY(QApplication::focusWidget()->focusPolicy() & Qt::TabFocus);  // an input, not a label
    QCOMPARE(QApplication::focusWidget(), experienceBox(panel));  // the first input of the KWL chart
    QCOMPARE(window->currentPageId(), kWelcome);  // the link opened the workbook, not a page
}

void TestWorkbook::typingSavesAndTheCardFollows()
{
    auto window = openWindow(kWelcome);
    const QString courseId = window->course().id;
    ActivityPanel *panel = window->workbookPane()->panel(kKwl);
    QVERIFY(panel);
    QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("Not started"), 10000);

    window->pageView()->page()->runJavaScript(QStringLiteral("document.querySelector('a.activity-open').click()"),
                                              QWebEngineScript::ApplicationWorld);
    QTRY_VERIFY_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel), 10000);

    const QString text = QStringLiteral("Ran a zine club");
    QCOMPARE(panel->saveStatus(), QStringLiteral("Not started"));  // nothing typed, nothing saved yet
    QTest::keyClicks(QApplication::focusWidget(), text);
    QCOMPARE(experienceOf(panel->answer(courseId)), text);
    QCOMPARE(panel->saveStatus(), QStringLiteral("Saving…"));
    QTRY_COMPARE_WITH_TIMEOUT(experienceOf(window->answerStore()->answer(courseId, kKwl)), text, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->saveStatus(), QStringLiteral("Saved"), 1000);
    QVERIFY(!window->answerStore()->answer(courseId, kKwl)->done);
    QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("In progress"), 5000);

    auto *done = panel->findChild<QCheckBox *>();
    QVERIFY(done);
    QVERIFY(!done->isChecked());
    QTest::mouseClick(done, Qt::LeftButton, {}, done->rect().center());
    QVERIFY(done->isChecked());
    QCOMPARE(panel->saveStatus(), QStringLiteral("Saving…"));
    QTRY_VERIFY_WITH_TIMEOUT(window->answerStore()->answer(courseId, kKwl)->done, 1000);
    QCOMPARE(experienceOf(window->answerStore()->answer(courseId, kKwl)), text);
    QTRY_COMPARE_WITH_TIMEOUT(panel->saveStatus(), QStringLiteral("Saved"), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("Done"), 5000);

    // Unticking takes it back to "In progress".
    QTest::mouseClick(done, Qt::LeftButton, {}, done->rect().center());
    QTRY_VERIFY_WITH_TIMEOUT(!window->answerStore()->answer(courseId, kKwl)->done, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("In progress"), 5000);
}

void TestWorkbook::leavingAFieldSavesAtOnce()
{
    auto window = openWindow(kWelcome);
    const QString courseId = window->course().id;
    AnswerStore *store = window->answerStore();
    QPlainTextEdit *box = focusedKwlExperience(*window);
    QVERIFY(box);

    // Keys are delivered and the focus moves without a return to the event loop, so the
    // quiet-time timer cannot fire between the typing and the check: whatever the store holds
    // right after the focus left was written because it left.
    QString typed;
    auto typeThenLeave = [&](const QString &text, const std::function<void()> &leave, const char *how) {
        QTest::keyClicks(box, text);
        typed += text;
        QCOMPARE(box->toPlainText(), typed);
        QVERIFY2(experienceOf(store->answer(courseId, kKwl)) != typed, how);  // not yet
        leave();
        QVERIFY2(!isInside(QApplication::focusWidget(), box), qPrintable(describe(QApplication::focusWidget())));
        QVERIFY2(experienceOf(store->answer(courseId, kKwl)) == typed,
                 qPrintable(QStringLiteral("%1: the store holds \"%2\"").arg(QLatin1String(how), experienceOf(store->answer(courseId, kKwl)))));
        QVERIFY(!window->autosaver()->hasPending());
        // Back into the field, with the cursor at the end, for the next round.
        QTest::mouseClick(box->viewport(), Qt::LeftButton, {}, box->viewport()->rect().center());
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), box, 5000);
        box->moveCursor(QTextCursor::End);
    };
    // Tab to the next field of the chart, F6 to the next pane, a click in the page's margin.
    typeThenLeave(QStringLiteral("Ran a zine club"), [&] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); }, "Tab");
    if (QTest::currentTestFailed())
        return;
    typeThenLeave(QStringLiteral(", a code club"), [&] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6); }, "F6");
    if (QTest::currentTestFailed())
        return;
    QWidget *page = window->pageView()->focusProxy();
    QVERIFY(page);
    typeThenLeave(QStringLiteral(" and a podcast"), [&] { QTest::mouseClick(page, Qt::LeftButton, {}, QPoint(3, 3)); },
                  "a click in the page");
}

void TestWorkbook::changingPageSavesAtOnce()
{
    auto window = openWindow(kWelcome);
    const QString courseId = window->course().id;
    AnswerStore *store = window->answerStore();
    QPointer<QPlainTextEdit> box = focusedKwlExperience(*window);
    QVERIFY(box);
    QTest::keyClicks(box, QStringLiteral("Typed, then straight on"));
    QString typed = box->toPlainText();

    // The learner goes on typing while the next page loads, a key every fifth of the quiet
    // time, so the quiet time never ends: timers fire in the order they fall due, so even a
    // machine that stalls types before the quiet time is up. What the store holds when the
    // window takes the new page was written by the page change, however long that took.
    QTimer typist;
    typist.setInterval(AnswerAutosaver::kDebounceMs / 5);
    connect(&typist, &QTimer::timeout, this, [&] {
        if (!box)
            return;
        QTest::keyClick(box, Qt::Key_A);
        typed = box->toPlainText();
    });
    bool changed = false;
    QString storedAtChange;
    connect(window->pageView(), &QWebEngineView::urlChanged, window.get(), [&](const QUrl &url) {
        if (changed || url != CourseUrl::page(kNoActivities))
            return;
        typist.stop();
        changed = true;
        storedAtChange = experienceOf(store->answer(courseId, kKwl));  // after the window's own handler
    });
    typist.start();
    QSignalSpy loaded(window->pageView(), &QWebEngineView::loadFinished);
    window->showPage(kNoActivities);
    QTRY_VERIFY_WITH_TIMEOUT(changed, kLoadTimeout);
    QCOMPARE(storedAtChange, typed);
    QVERIFY(waitForPage(*window, kNoActivities, loaded));
    QCOMPARE(experienceOf(store->answer(courseId, kKwl)), typed);
    QVERIFY(!window->autosaver()->hasPending());
}

void TestWorkbook::answersComeBack()
{
    const QString saved = QStringLiteral("Book club, game nights");
    const QString unsaved = QStringLiteral(" and a maker day");
    QString courseId;
    {
        auto window = openWindow(kWelcome);
        courseId = window->course().id;
        window->openActivity(kKwl);
        ActivityPanel *panel = window->workbookPane()->panel(kKwl);
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel), 10000);
        QTest::keyClicks(QApplication::focusWidget(), saved);
        QTRY_COMPARE_WITH_TIMEOUT(experienceOf(window->answerStore()->answer(courseId, kKwl)), saved, 1000);
    }
    {
        auto window = openWindow(kWelcome);
        ActivityPanel *panel = window->workbookPane()->panel(kKwl);
        QVERIFY(panel);
        QCOMPARE(panel->editor()->value().value(QStringLiteral("experience")).toString(), saved);
        QCOMPARE(experienceBox(panel)->toPlainText(), saved);
        QTRY_COMPARE_WITH_TIMEOUT(cardState(*window, kKwl), QStringLiteral("In progress"), 10000);

        // Typed and closed at once, before the quiet time is over: written on the way out.
        window->openActivity(kKwl);
        QTRY_VERIFY_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel), 10000);
        QTest::keyClicks(QApplication::focusWidget(), unsaved);  // the cursor goes to the end on opening
        QVERIFY(window->autosaver()->hasPending());
    }
    auto window = openWindow(kWelcome);
    ActivityPanel *panel = window->workbookPane()->panel(kKwl);
    QVERIFY(panel);
    QCOMPARE(panel->editor()->value().value(QStringLiteral("experience")).toString(), saved + unsaved);
    QCOMPARE(experienceOf(window->answerStore()->answer(courseId, kKwl)), saved + unsaved);
}

void TestWorkbook::activityOptionOpensItsPage()
{
    auto window = openWindow(kWelcome);
    QVERIFY(window->showActivity(kReflectMistake));
    QTRY_COMPARE_WITH_TIMEOUT(window->currentPageId(), kMistakes, kLoadTimeout);
    ActivityPanel *panel = window->workbookPane()->panel(kReflectMistake);
    QVERIFY(panel);
    QTRY_VERIFY2_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel->editor()),
                              qPrintable(QStringLiteral("focus is on %1").arg(describe(QApplication::focusWidget()))), 10000);

    // One that is on the page already; one that is nowhere.
    window->navigationTree()->setFocus();
    QTRY_VERIFY(!isInside(QApplication::focusWidget(), panel));
    QVERIFY(window->showActivity(kReflectMistake));
    QTRY_VERIFY_WITH_TIMEOUT(isInside(QApplication::focusWidget(), panel->editor()), 10000);
    QVERIFY(!window->showActivity(QStringLiteral("no-such-activity")));
    QCOMPARE(window->currentPageId(), kMistakes);
}

void TestWorkbook::damagedAnswersFileIsMovedAside()
{
    const QString file = QDir(m_dataDir->path()).filePath(QStringLiteral("answers.sqlite"));
    QByteArray damaged(16384, Qt::Uninitialized);
    QRandomGenerator generator(20240501);
    for (char &byte : damaged)
        byte = char(generator.bounded(256));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(damaged), qint64(damaged.size()));
    }

    auto window = openWindow(kWelcome);
    QCOMPARE(window->currentPageId(), kWelcome);

    const QStringList aside = QDir(m_dataDir->path()).entryList({QStringLiteral("answers.sqlite.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    const QString movedTo = QDir(m_dataDir->path()).filePath(aside.first());
    QCOMPARE(readAll(movedTo), damaged);

    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = visibleMessageBox()) != nullptr, 5000);
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(movedTo)), qPrintable(box->text()));
    QCOMPARE(box->icon(), QMessageBox::Warning);

    // Typing still saves, into the fresh store.
    const QString courseId = window->course().id;
    ActivityPanel *panel = window->workbookPane()->panel(kKwl);
    QVERIFY(panel);
    QVERIFY(!window->answerStore()->answer(courseId, kKwl));
    window->openActivity(kKwl);
    QPlainTextEdit *input = experienceBox(panel);
    QVERIFY(input);
    const QString text = QStringLiteral("Still saving");
    QTest::keyClicks(input, text);
    QCOMPARE(panel->saveStatus(), QStringLiteral("Saving…"));
    QTRY_COMPARE_WITH_TIMEOUT(experienceOf(window->answerStore()->answer(courseId, kKwl)), text, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->saveStatus(), QStringLiteral("Saved"), 1000);
    QCOMPARE(window->answerStore()->databasePath(), file);
    QVERIFY(readAll(file).startsWith("SQLite format 3"));
    QCOMPARE(readAll(movedTo), damaged);  // the old file is kept as it was

    // Not modal: while it is up, the window goes on taking the learner's input, keys from
    // the window system included (a modal box would have them dropped).
    QVERIFY(box->isVisible());
    QCOMPARE(window->windowHandle()->focusObject(), input);
    for (const char key : QByteArray(" too"))
        QTest::keyClick(window->windowHandle(), key);
    QTRY_COMPARE_WITH_TIMEOUT(experienceOf(window->answerStore()->answer(courseId, kKwl)), text + QStringLiteral(" too"), 1000);
    QCOMPARE(box->windowModality(), Qt::NonModal);
    QVERIFY2(!QApplication::activeModalWidget(), qPrintable(describe(QApplication::activeModalWidget())));
    box->close();
}

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestWorkbook test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_workbook.moc"
