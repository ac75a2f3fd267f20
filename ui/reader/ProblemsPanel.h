#pragma once

#include "Diagnostic.h"

#include <QTreeWidget>

// The course's problems, as `--check` prints them: one row each, errors first.
// Activating a row opens the page the problem is in.
class ProblemsPanel : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);

signals:
    void fileActivated(const QString &relativePath);
};
