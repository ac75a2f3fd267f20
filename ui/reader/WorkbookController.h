#pragma once

#include "ActivitySpec.h"
#include "AnswerActions.h"
#include "Course.h"

#include <QObject>

#include <memory>

class AfterPagePaint;
class AnswerAutosaver;
class AnswerStore;
class PageView;
class QMainWindow;
class QMenu;
class WorkbookDock;
class WorkbookPane;
class WorksheetExportFlow;

// The reading window's Workbook side: the learner's answers (the store and the autosaver that
// writes to it), the docked pane with the editors of the page being read, the activity cards
// on the page, and what is done with answers (history, export, import, worksheets), all kept
// in step with the page shown.
class WorkbookController : public QObject
{
    Q_OBJECT
public:
    // Opens the answers in dataDir (empty: the platform's folder, or $COURSEBOOK_DATA_DIR) and
    // docks the pane in window; `notify` tells the learner what went wrong.
    WorkbookController(const QString &dataDir, QMainWindow *window, PageView *view, AnswerActions::Notify notify);
    ~WorkbookController() override;  // writes the last edits

    AnswerStore *store() const { return m_store.get(); }
    AnswerAutosaver *autosaver() const { return m_autosaver.get(); }
    WorkbookPane *pane() const;  // holding the shown page's activities
    WorkbookDock *dock() const { return m_dock; }
    const QVector<ActivitySpec> &activities() const { return m_activities; }  // of the page being read

    void addFileActions(QMenu *file);          // worksheet and answers export, answers import
    void addWorkbookActions(QMenu *workbook);  // the pane's toggle, answers without an activity

    void setCourse(const std::shared_ptr<const Course> &course);
    // The view has turned to `page`: its words typed so far are written, and the pane follows
    // once the page is on the screen.
    void pageShown(const CoursePage *page, const QVector<ActivitySpec> &activities);
    void pageLoaded();                                   // the cards on it show each activity's state
    bool openActivity(const QString &activityId);        // false when it is not on the page
    void exportWorksheet(const QString &activityId = QString());
    // Before the window closes: false when the learner chose to stay because words could not be written.
    bool confirmClose();
    void flush();

private:
    void updateActivityCards();

    QMainWindow *m_window;
    PageView *m_view;
    std::shared_ptr<const Course> m_course;
    const CoursePage *m_page = nullptr;
    QVector<ActivitySpec> m_activities;
    // The store outlives the autosaver, which writes its last edits when destroyed.
    std::unique_ptr<AnswerStore> m_store;
    std::unique_ptr<AnswerAutosaver> m_autosaver;
    WorkbookPane *m_pane = nullptr;
    WorkbookDock *m_dock = nullptr;
    AfterPagePaint *m_afterPaint = nullptr;  // the pane follows the page onto the screen
    AnswerActions *m_answerActions = nullptr;
    WorksheetExportFlow *m_worksheetExport = nullptr;
};
