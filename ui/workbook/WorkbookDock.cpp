#include "WorkbookDock.h"

#include "WorkbookPane.h"

#include <QAction>

WorkbookDock::WorkbookDock(WorkbookPane *pane, QWidget *parent)
    : QDockWidget(tr("Workbook"), parent)
    , m_pane(pane)
{
    setObjectName(QStringLiteral("workbookDock"));
    setWidget(pane);
    toggleViewAction()->setText(tr("Show &Workbook"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(toggleViewAction(), &QAction::triggered, this, [this] { m_hiddenForCourse = false; });
}

void WorkbookDock::fitToCourse(int activityCount)
{
    if (activityCount == 0 && isVisible()) {
        hide();
        m_hiddenForCourse = true;
    } else if (activityCount > 0 && m_hiddenForCourse) {
        show();
        m_hiddenForCourse = false;
    }
}

bool WorkbookDock::openActivity(const QString &activityId)
{
    show();
    raise();
    return m_pane->focusActivity(activityId);
}
