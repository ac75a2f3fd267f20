#pragma once

#include "Diagnostic.h"

#include <QDockWidget>

class ProblemsPanel;

// View ▸ Problems: the course's problems (ProblemsPanel), counted in the dock's title. They are
// for the course's authors: the dock opens with a course only if they asked for it
// (showOnOpenAction(), kept in the settings). Learners are not told about them.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProblemsDock(QWidget *parent);

    ProblemsPanel *panel() const { return m_panel; }
    QAction *showOnOpenAction() const { return m_showOnOpen; }
    void setDiagnostics(const Diagnostics &diagnostics);

private:
    ProblemsPanel *m_panel;
    QAction *m_showOnOpen;
};
