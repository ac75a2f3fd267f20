#include "NotesController.h"

#include "AnswerStore.h"
#include "BookmarkList.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "NotePane.h"
#include "PageView.h"
#include "ReadingProgress.h"
#include "StatusLabel.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QWebEnginePage>
#include <QVBoxLayout>
#include <QWebEngineScript>

NotesController::NotesController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_pane = new NotePane(window->answerStore(), window->autosaver());
    m_notesDock = new QDockWidget(tr("Notes"), window);
    m_notesDock->setObjectName(QStringLiteral("notesDock"));  // its place is kept with the window's layout
    m_notesDock->setWidget(m_pane);

    auto *bookmarks = new QWidget;
    auto *layout = new QVBoxLayout(bookmarks);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new BookmarkList(bookmarks);
    layout->addWidget(m_list, 1);
    m_bookmarkStatus = new StatusLabel(tr("Bookmarks"), bookmarks);
    m_bookmarkStatus->setWordWrap(true);
    layout->addWidget(m_bookmarkStatus);
    m_bookmarksDock = new QDockWidget(tr("Bookmarks"), window);
    m_bookmarksDock->setObjectName(QStringLiteral("bookmarksDock"));
    m_bookmarksDock->setWidget(bookmarks);
    // The window restored its layout before these docks existed: they take their saved place
    // now, or (the first time) a place of their own. restoreDockWidget comes first: once a
    // dock is added it always "restores" to where it was just put, shown.
    if (!window->restoreDockWidget(m_notesDock))
        window->addDockWidget(Qt::RightDockWidgetArea, m_notesDock, Qt::Vertical);  // under the Workbook
    if (!window->restoreDockWidget(m_bookmarksDock)) {
        window->addDockWidget(Qt::LeftDockWidgetArea, m_bookmarksDock);
        m_bookmarksDock->hide();  // until the first bookmark, the contents keep the room
    }

    createMenu();
    connect(window->pageView(), &QWebEngineView::urlChanged, this, &NotesController::pageShown);
    connect(window->answerStore(), &AnswerStore::bookmarksChanged, this, &NotesController::refreshBookmarks);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openBookmark(BookmarkList::pageId(item), BookmarkList::anchor(item)); });
    connect(m_list, &BookmarkList::removeRequested, this, &NotesController::removeBookmark);
    pageShown();
}

void NotesController::createMenu()
{
    QMenuBar *bar = m_window->menuBar();
    const QList<QAction *> menus = bar->actions();
    auto *menu = new QMenu(tr("&Bookmarks"), bar);
    bar->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);  // before Help
    m_toggleBookmark = menu->addAction(tr("&Bookmark This Place"), this, &NotesController::toggleBookmark);
    m_toggleBookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *list = menu->addAction(tr("Go to &Bookmarks List"), this, [this] {
        m_bookmarksDock->show();
        m_bookmarksDock->raise();
        m_list->setFocus(Qt::ShortcutFocusReason);
    });
    list->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    menu->addAction(m_bookmarksDock->toggleViewAction());
    menu->addSeparator();
    QAction *note = menu->addAction(tr("Write a &Note on This Page"), this, [this] {
        m_notesDock->show();
        m_notesDock->raise();
        m_pane->editor()->setFocus(Qt::ShortcutFocusReason);
    });
    note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    menu->addAction(tr("Note &History…"), m_pane, &NotePane::showHistory);
    menu->addAction(m_notesDock->toggleViewAction());
}

void NotesController::pageShown()
{
    const QString pageId = m_window->currentPageId();
    const CoursePage *page = m_window->course().findPage(pageId);
    if (!page)
        return;
    m_window->autosaver()->flush();  // the note of the page left is written before the next shows
    m_pane->showPage(m_window->course().id, pageId, page->title);
    if (m_window->course().id != m_courseId)  // another course was opened: its own bookmarks
        refreshBookmarks();
}

void NotesController::refreshBookmarks()
{
    m_courseId = m_window->course().id;
    m_list->setBookmarks(m_window->course(), m_window->answerStore()->bookmarks(m_window->course().id));
}

void NotesController::toggleBookmark()
{
    const QString pageId = m_window->currentPageId();
    const CoursePage *page = m_window->course().findPage(pageId);
    if (!page)
        return;
    const QString courseId = m_window->course().id;
    m_window->readingProgress()->measurePosition([this, courseId, pageId, page](const QString &anchor, double, const QString &heading) {
        AnswerStore *store = m_window->answerStore();
        const QVector<Bookmark> all = store->bookmarks(courseId);
        const bool marked = std::any_of(all.begin(), all.end(),
                                        [&](const Bookmark &b) { return b.pageId == pageId && b.anchor == anchor; });
        const QString title = anchor.isEmpty() || heading.isEmpty() ? page->title : heading;
        if (marked ? store->removeBookmark(courseId, pageId, anchor)
                   : store->addBookmark(Bookmark{courseId, pageId, anchor, title, QDateTime::currentDateTimeUtc()})) {
            if (!marked)
                m_bookmarksDock->show();
            announce(marked ? tr("Bookmark removed: %1").arg(title) : tr("Bookmark added: %1").arg(title));
        } else {
            announce(tr("The bookmark could not be saved: %1").arg(store->lastError()));
        }
    });
}

void NotesController::removeBookmark(const QString &pageId, const QString &anchor)
{
    AnswerStore *store = m_window->answerStore();
    if (store->removeBookmark(m_window->course().id, pageId, anchor))
        announce(tr("Bookmark removed"));
    else
        announce(tr("The bookmark could not be removed: %1").arg(store->lastError()));
}

void NotesController::openBookmark(const QString &pageId, const QString &anchor)
{
    if (!m_window->course().findPage(pageId))
        return announce(tr("That page is not in this course now."));
    m_window->pageView()->setFocus(Qt::OtherFocusReason);
    if (pageId == m_window->currentPageId())
        return scrollTo(anchor);
    // Scrolled once the page has come: a load finishing before the view reports the new page
    // (the one left, late) does not count.
    disconnect(m_pendingScroll);
    m_pendingScroll = connect(m_window->pageView(), &QWebEngineView::loadFinished, this, [this, pageId, anchor](bool ok) {
        if (!ok || m_window->currentPageId() != pageId)
            return;
        disconnect(m_pendingScroll);
        scrollTo(anchor);
    });
    m_window->showPage(pageId);
}

void NotesController::scrollTo(const QString &anchor)
{
    // The app's own script world: course pages run no scripts.
    const QString id = QString::fromUtf8(QJsonDocument(QJsonArray{anchor}).toJson(QJsonDocument::Compact));
    m_window->pageView()->page()->runJavaScript(
        QStringLiteral("(function(a){const h=a?document.getElementById(a):null;if(h)h.scrollIntoView();else window.scrollTo(0,0);})(%1[0])")
            .arg(id),
        QWebEngineScript::ApplicationWorld);
}

void NotesController::announce(const QString &text)
{
    m_bookmarkStatus->announce(text);
    m_window->statusBar()->showMessage(text, 6000);
}
