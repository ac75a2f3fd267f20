#include "ProblemsPanel.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Problem"), tr("File"), tr("Line")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setAccessibleName(tr("Problems in this course"));
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { emit fileActivated(item->text(1)); });
}

void ProblemsPanel::setDiagnostics(const Diagnostics &diagnostics)
{
    clear();
    Diagnostics sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.severity == Diagnostic::Severity::Error && b.severity != Diagnostic::Severity::Error;
    });
    for (const Diagnostic &d : sorted) {
        const bool error = d.severity == Diagnostic::Severity::Error;
        auto *item = new QTreeWidgetItem(this, {d.message, d.file, d.line > 0 ? QString::number(d.line) : QString()});
        item->setIcon(0, style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        // Screen readers read the text, not the icon: say the severity in words.
        item->setData(0, Qt::AccessibleTextRole, (error ? tr("Error: ") : tr("Warning: ")) + d.message);
        item->setToolTip(0, d.toString());
    }
    resizeColumnToContents(1);
}
