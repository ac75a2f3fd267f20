#pragma once

#include "Course.h"
#include "CourseProgress.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

class AnswerAutosaver;
class AnswerStore;
class NavigationTree;
class PageView;
class QAction;
class QTreeWidgetItem;

// Where the learner stands, for the reading window: pages become visited as they are shown;
// the contents show each page's state and each module's count; Workbook ▸ Mark Page as Done
// (and the contents' context menu) marks a page done or not; a page holding the course
// home's progress section gets it filled; and the reading position (the heading at the top
// of the view) is saved as the learner scrolls, to be restored when the course reopens.
class ReadingProgress : public QObject
{
    Q_OBJECT
public:
    ReadingProgress(AnswerStore *store, AnswerAutosaver *autosaver, NavigationTree *tree, PageView *view, QObject *parent = nullptr);
    ~ReadingProgress() override;

    QAction *markDoneAction() const { return m_markDone; }
    const CourseProgress &progress() const { return m_progress; }

    void setCourse(const std::shared_ptr<const Course> &course);
    // The page's reading position is restored once it has loaded (the course reopens on it).
    void resumeAt(const QString &pageId) { m_resumePageId = pageId; }
    void pageShown(const QString &pageId);  // the view's address changed to this page
    // The visit of the page shown, if not yet written; before the store goes (the window's
    // store is gone by the time this object is destroyed).
    void writeVisit();
    void pageLoaded();                      // ... and it finished loading

    // Done when it is not done, else not done (see PageState for what a mark overrides).
    void toggleDone(const QString &pageId);
    // Measures where the shown page is read: `then` gets the heading at the top of the view
    // ("" above the first), how far through its section (0 to 1) and the heading's text.
    void measurePosition(const std::function<void(const QString &anchor, double offset, const QString &heading)> &then);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;  // the contents' context menu

private:
    void refresh();
    void indexActivities();
    void updateAction();
    void fillProgressSection();
    QString progressSectionHtml() const;
    void savePosition();
    void showContextMenu(const QTreeWidgetItem *item, const QPoint &globalPosition);

    AnswerStore *const m_store;
    AnswerAutosaver *const m_autosaver;  // writes positions off the UI thread
    NavigationTree *const m_tree;
    PageView *const m_view;
    QAction *m_markDone = nullptr;
    std::shared_ptr<const Course> m_course;
    CourseProgress::ActivitiesByPage m_activities;  // of every page, from a background render
    bool m_activitiesIndexed = false;
    bool m_indexPending = false;  // until the course's first page has loaded
    int m_generation = 0;
    QPointer<QThread> m_indexThread;  // the latest, waited for on the way out
    CourseProgress m_progress;
    QString m_pageId;        // shown in the view
    QString m_resumePageId;  // its position is restored when it loads
    bool m_loaded = false;   // m_pageId has loaded (and been restored): scrolling now moves the position
    QTimer m_refreshTimer;   // coalesces the saves of one moment into one refresh
    QTimer m_positionTimer;  // a scroll that has come to rest is saved
    // A page turned to is written as visited (at its top) just after its first frame, not in
    // the turn: the write syncs to disk, a slow laptop's disk taking tens of milliseconds.
    QTimer m_visitTimer;
    QString m_visitCourseId, m_visitPageId;  // the visit not yet written
};
