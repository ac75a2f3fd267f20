// Notes and bookmarks in the reading window (issue 15), on a small course (tests/data/progress),
// driven from the keyboard: a note typed in the Notes pane is in the answers file moments after
// the last key, follows its page and comes back with it; Ctrl+D bookmarks the page or the heading
// at the top of the view and, pressed again there, removes the bookmark; the Bookmarks list
// opens a bookmark with Enter and removes it with Delete, and each change is announced.

#include "AnswerStore.h"
#include "BookmarkList.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "NotePane.h"
#include "NotesController.h"
#include "PageView.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <memory>
#include <optional>

namespace {

const QString kCourse = QStringLiteral(TESTDATA_DIR "/progress");
const QString kWelcome = QStringLiteral("first/welcome");
const QString kPlan = QStringLiteral("first/plan");
const QString kLongRead = QStringLiteral("first/long-read");
constexpr int kLoadTimeout = 30000;
// The pane saves within 300 ms of the last key; the margin is for a loaded test machine.
constexpr int kSaveTimeout = 3000;

QVariant runJavaScript(MainWindow &window, const QString &script)
{
    auto result = std::make_shared<std::optional<QVariant>>();
    window.pageView()->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                                             [result](const QVariant &value) { *result = value; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 10000))
        return QStringLiteral("<no answer from the page>");
    return **result;
}

QString savedNote(MainWindow &window, const QString &pageId)
{
    const std::optional<Note> note = window.answerStore()->note(window.course().id, pageId);
    return note ? note->text : QStringLiteral("<no note>");
}

QStringList listed(const BookmarkList *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

QString statusName(NotesController &notes)
{
    // The list's status line, which screen readers hear by its accessible name.
    const QList<QLabel *> labels = notes.bookmarkList()->parentWidget()->findChildren<QLabel *>();
    return labels.isEmpty() ? QString() : labels.first()->accessibleName();
}

}  // namespace

class TestNotesBookmarksWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void noteIsSavedAndFollowsItsPage();
    void ctrlDBookmarksAndTheListOpensAndRemoves();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &pageId);
    bool waitForPage(MainWindow &window, const QString &pageId);

    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestNotesBookmarksWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestNotesBookmarksWindow::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void TestNotesBookmarksWindow::cleanup()
{
    QSettings().clear();
    m_dataDir.reset();
}

bool TestNotesBookmarksWindow::waitForPage(MainWindow &window, const QString &pageId)
{
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && !window.pageView()->page()->isLoading();
    }, kLoadTimeout);
}

std::unique_ptr<MainWindow> TestNotesBookmarksWindow::openWindow(const QString &pageId)
{
    auto window = std::make_unique<MainWindow>(kCourse, pageId, m_dataDir->path());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    return window;
}

void TestNotesBookmarksWindow::noteIsSavedAndFollowsItsPage()
{
    auto window = openWindow(kWelcome);
    NotesController notes(window.get());
    QVERIFY(waitForPage(*window, kWelcome));
    QPlainTextEdit *editor = notes.notePane()->editor();
    QCOMPARE(editor->accessibleName(), QStringLiteral("My note on this page"));
    QCOMPARE(notes.bookmarkList()->accessibleName(), QStringLiteral("Bookmarks"));
    for (const QPushButton *button : notes.notePane()->findChildren<QPushButton *>())
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->text()));

    // Ctrl+Shift+N goes to the note, from wherever the focus is.
    window->navigationTree()->setFocus();
    QTest::keyClick(window->navigationTree(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(editor->hasFocus());
    QTest::keyClicks(editor, QStringLiteral("Bring snacks"));
    // Written by the pane's own autosave (no page turn, no quit), moments after the last key.
    QTRY_COMPARE_WITH_TIMEOUT(savedNote(*window, kWelcome), QStringLiteral("Bring snacks"), kSaveTimeout);

    // A page turn right after typing writes what was typed, and the next page has its own note.
    QTest::keyClicks(editor, QStringLiteral(" and tea"));
    window->nextPage();
    QVERIFY(waitForPage(*window, kPlan));
    QTRY_COMPARE(editor->toPlainText(), QString());
    QCOMPARE(savedNote(*window, kWelcome), QStringLiteral("Bring snacks and tea"));
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Plan for May"));
    window->previousPage();
    QVERIFY(waitForPage(*window, kWelcome));
    QTRY_COMPARE(editor->toPlainText(), QStringLiteral("Bring snacks and tea"));
    QCOMPARE(savedNote(*window, kPlan), QStringLiteral("Plan for May"));
    window->close();
}

void TestNotesBookmarksWindow::ctrlDBookmarksAndTheListOpensAndRemoves()
{
    auto window = openWindow(kLongRead);
    NotesController notes(window.get());
    QVERIFY(waitForPage(*window, kLongRead));
    BookmarkList *list = notes.bookmarkList();
    AnswerStore *store = window->answerStore();
    const QString courseId = window->course().id;
    const QString pageTitle = window->course().findPage(kLongRead)->title;

    // At the top of the page, Ctrl+D bookmarks the page.
    window->navigationTree()->setFocus();
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(listed(list), QStringList{pageTitle});
    QVERIFY(list->isVisible());
    QCOMPARE(statusName(notes), QStringLiteral("Bookmarks: Bookmark added: %1").arg(pageTitle));

    // With a heading at the top of the view, the heading.
    const QString heading = runJavaScript(*window, QStringLiteral(
        "(function(){const h=document.querySelectorAll('h2[id]')[1];h.scrollIntoView();return h.id;})()")).toString();
    QVERIFY(!heading.isEmpty());
    QTRY_VERIFY(window->pageView()->page()->scrollPosition().y() > 0);
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(listed(list), (QStringList{pageTitle, QStringLiteral("%1 › Interests First").arg(pageTitle)}));
    QCOMPARE(store->bookmarks(courseId).last().anchor, heading);

    // Pressed again on that heading, Ctrl+D removes its bookmark.
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(listed(list), QStringList{pageTitle});
    QCOMPARE(statusName(notes), QStringLiteral("Bookmarks: Bookmark removed: Interests First"));
    QTest::keyClick(window->navigationTree(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(list->count(), 2);

    // From another page, the list opens a bookmark with Enter: the page, at its heading.
    window->showPage(kWelcome);
    QVERIFY(waitForPage(*window, kWelcome));
    QTest::keyClick(window->navigationTree(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_End);
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY(waitForPage(*window, kLongRead));
    QTRY_COMPARE(runJavaScript(*window, QStringLiteral("Math.round(document.getElementById(%1).getBoundingClientRect().top)")
                                           .arg(QStringLiteral("'%1'").arg(heading))).toInt(), 0);

    // Delete removes the selected bookmark, from the list and the answers file.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    QTest::keyClick(list, Qt::Key_Delete);
    QTRY_COMPARE(listed(list), QStringList{QStringLiteral("%1 › Interests First").arg(pageTitle)});
    QCOMPARE(store->bookmarks(courseId).size(), 1);
    QVERIFY(list->hasFocus());
    QCOMPARE(statusName(notes), QStringLiteral("Bookmarks: Bookmark removed"));

    // F6 goes round every pane that shows, the Notes and Bookmarks too, as they sit on
    // screen: the page, the Workbook's first field, the note, the contents, the list.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);  // shows the Notes
    QTRY_VERIFY(notes.notePane()->editor()->hasFocus());
    window->pageView()->setFocus();
    const auto f6Reaches = [&](QWidget *pane, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, modifiers);
        return QTest::qWaitFor([&] { return QApplication::focusWidget() && pane->isAncestorOf(QApplication::focusWidget()); }, 2000);
    };
    QVERIFY(f6Reaches(window->findChild<QDockWidget *>(QStringLiteral("workbookDock"))));
    QVERIFY(f6Reaches(notes.notePane()));
    QTRY_VERIFY(notes.notePane()->editor()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(window->navigationTree()->hasFocus());
    QVERIFY(f6Reaches(list->parentWidget()));
    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QTRY_VERIFY(window->navigationTree()->hasFocus());
    QVERIFY(f6Reaches(notes.notePane(), Qt::ShiftModifier));
    window->close();
}

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestNotesBookmarksWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_notes_bookmarks.moc"
