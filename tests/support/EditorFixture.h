#pragma once

#include "ActivitySpec.h"
#include "AnswerEditor.h"

#include <QLineEdit>
#include <QPoint>
#include <QWidget>

class QPlainTextEdit;
class QTableWidget;

// What the answer editor suites share: the activities they edit, a window to edit them in,
// and the grid's cells driven with the mouse as a learner would.
namespace EditorFixture {

ActivitySpec textSpec(ActivitySpec::Kind kind);
ActivitySpec kwlSpec();

// A window holding an editor between two line edits, so that the focus has somewhere to go.
struct Window
{
    explicit Window(const ActivitySpec &spec);

    QWidget widget;
    QLineEdit *before = nullptr;
    AnswerEditor *editor = nullptr;
    QLineEdit *after = nullptr;
};

QWidget *focused();
QPlainTextEdit *cellEditor();

// A double click as the mouse makes it: press, release, double click, release.
QPlainTextEdit *openCell(QTableWidget *grid, int row, int column);
void clickCell(QTableWidget *grid, int row, int column);
QPoint current(QTableWidget *grid);

}  // namespace EditorFixture
