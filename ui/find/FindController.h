#pragma once

#include "SearchHit.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <optional>

class CourseSearchPanel;
class FindBar;
class MainWindow;
class PageHighlighter;
class QAction;
class QShortcut;
class SearchWorker;

// Finding in the reading window (issue 15): Edit ▸ Find in Page (Ctrl+F), Search Course
// (Ctrl+K, Ctrl+Shift+F), Find Next (F3) and Find Previous (Shift+F3). It keeps the course's
// index up to date on a thread of its own, opens a chosen hit on its page with every match
// marked, and Esc in that page goes back to the page, scroll position and focus the learner
// searched from. main() makes one beside the window, as it does PresentationLauncher.
class FindController : public QObject
{
    Q_OBJECT
public:
    explicit FindController(MainWindow *window);
    ~FindController() override;

    FindBar *findBar() const { return m_bar; }
    CourseSearchPanel *searchPanel() const { return m_panel; }
    PageHighlighter *highlighter() const { return m_highlighter; }
    bool canGoBack() const { return !m_returnPage.isEmpty(); }

signals:
    void hitOpened(const SearchHit &hit);  // its page shown, its matches marked
    void returned();                       // back where the search started

private:
    void createActions();
    void courseMaybeChanged();
    void openHit(const SearchHit &hit, const QString &userText);
    void pageLoaded();
    void goBack();
    void findAgain(int direction);

    MainWindow *m_window;
    PageHighlighter *m_highlighter;
    FindBar *m_bar;
    CourseSearchPanel *m_panel;
    QThread m_thread;
    SearchWorker *m_worker;
    QShortcut *m_escape;
    QString m_courseKey;  // which course the index was last given
    quint64 m_requests = 0;
    // A hit on its way to the page: what to mark there once it has loaded.
    std::optional<SearchHit> m_pendingHit;
    QStringList m_pendingTerms;
    // Where Esc goes back to after a hit was opened.
    QString m_returnPage;
    double m_returnScroll = 0;
    QPointer<QWidget> m_returnFocus;
    bool m_returning = false;
};
