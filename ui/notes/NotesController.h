#pragma once

#include <QObject>

class BookmarkList;
class MainWindow;
class NotePane;
class QAction;
class QDockWidget;
class StatusLabel;

// Notes and bookmarks in the reading window (issue 15): the Notes pane beside the page,
// following the page shown; the Bookmarks list in the sidebar; and the Bookmarks menu:
// Ctrl+D bookmarks the heading at the top of the view (the page itself at its top) or, on a
// place already bookmarked, removes it; Ctrl+Shift+B goes to the list, Ctrl+Shift+N to the note.
class NotesController : public QObject
{
    Q_OBJECT
public:
    explicit NotesController(MainWindow *window);

    NotePane *notePane() const { return m_pane; }
    BookmarkList *bookmarkList() const { return m_list; }
    QAction *toggleBookmarkAction() const { return m_toggleBookmark; }
    // Shows the page and scrolls its heading `anchor` ("" for the top) to the top of the view.
    void openBookmark(const QString &pageId, const QString &anchor);

private:
    void createMenu();
    void pageShown();
    void toggleBookmark();
    void refreshBookmarks();
    void removeBookmark(const QString &pageId, const QString &anchor);
    void scrollTo(const QString &anchor);
    void announce(const QString &text);

    MainWindow *const m_window;
    NotePane *m_pane = nullptr;
    QDockWidget *m_notesDock = nullptr;
    BookmarkList *m_list = nullptr;
    StatusLabel *m_bookmarkStatus = nullptr;
    QDockWidget *m_bookmarksDock = nullptr;
    QAction *m_toggleBookmark = nullptr;
    QString m_courseId;  // whose bookmarks the list shows
    QMetaObject::Connection m_pendingScroll;  // a bookmark's page is loading: scroll to its heading then
};
