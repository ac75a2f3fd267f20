#pragma once

#include <QDockWidget>

class WorkbookPane;

// The Workbook pane's dock (Workbook ▸ Show Workbook). A course with nothing to answer gets
// the dock's room for its pages; the dock returns with the next course that has activities,
// unless the reader closed it.
class WorkbookDock : public QDockWidget
{
    Q_OBJECT
public:
    WorkbookDock(WorkbookPane *pane, QWidget *parent);

    WorkbookPane *pane() const { return m_pane; }
    void fitToCourse(int activityCount);
    bool openActivity(const QString &activityId);  // false when it is not on the page

private:
    WorkbookPane *m_pane;
    bool m_hiddenForCourse = false;  // hidden by us, not by the reader
};
