#include "ProblemsDock.h"

#include "ProblemsPanel.h"

#include <QAction>
#include <QSettings>

#include <algorithm>
#include <iterator>

namespace {
const QString kShowOnOpen = QStringLiteral("view/problemsOnOpen");
}  // namespace

ProblemsDock::ProblemsDock(QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_panel(new ProblemsPanel(this))
    , m_showOnOpen(new QAction(tr("Show Problems When a Course &Opens (for Course Authors)"), this))
{
    setObjectName(QStringLiteral("problemsDock"));
    setWidget(m_panel);
    toggleViewAction()->setText(tr("&Problems"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_showOnOpen->setCheckable(true);
    m_showOnOpen->setChecked(QSettings().value(kShowOnOpen, false).toBool());
    connect(m_showOnOpen, &QAction::triggered, this, [](bool on) { QSettings().setValue(kShowOnOpen, on); });
}

void ProblemsDock::setDiagnostics(const Diagnostics &all)
{
    // Notes say what was inferred, for --check: they are no problem of the reader's.
    Diagnostics diagnostics;
    std::copy_if(all.begin(), all.end(), std::back_inserter(diagnostics),
                 [](const Diagnostic &d) { return d.severity != Diagnostic::Severity::Note; });
    m_panel->setDiagnostics(diagnostics);
    setWindowTitle(diagnostics.isEmpty() ? tr("Problems") : tr("Problems (%1)").arg(diagnostics.size()));
    toggleViewAction()->setText(diagnostics.isEmpty() ? tr("&Problems") : tr("&Problems (%1)").arg(diagnostics.size()));
    if (m_showOnOpen->isChecked() && !diagnostics.isEmpty())
        show();
}
