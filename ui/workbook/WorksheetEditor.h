#pragma once

#include "AnswerEditor.h"
#include "UndoMergeRun.h"
#include "WorksheetGrid.h"

#include <QJsonArray>

class QComboBox;
class QPushButton;
class QTableWidget;
class RatingCellBox;

// A worksheet: the course's table, where the learner writes in the Editable cells, picks a
// choice in the Rating cells and sees each Total cell add up the numbers above it. When the
// course allows it, the learner adds rows (before the totals) and removes the rows they added.
// Value {"cells": [[...], ...]}: the whole grid row by row, null for Fixed and Total cells,
// the text of Editable cells and the chosen choice of Rating cells ("" for none).
//
// Keys: Tab and Shift+Tab go through the Editable and Rating cells only, then leave the table.
// Editable cells are edited as in a KWL chart (Enter finishes, Shift+Enter starts a new line);
// a Rating cell is a combo box: Up and Down choose, Alt+Down opens the list.
class WorksheetEditor : public AnswerEditor
{
    Q_OBJECT
public:
    explicit WorksheetEditor(const ActivitySpec &spec, QWidget *parent = nullptr);

    QJsonObject value() const override;
    void setValue(const QJsonObject &value) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const WorksheetCell &cellAt(int row, int column) const;
    bool isStop(int row, int column) const;
    RatingCellBox *ratingAt(int row, int column) const;
    QComboBox *comboAt(int row, int column) const;
    QPoint cellOf(const QComboBox *combo) const;
    QJsonArray cells() const;
    void build(int addedRows);
    void showCells(const QJsonArray &cells);
    void updateTotals();
    void record(const QString &text, const QString &mergeKey = QString());
    void restore(const QJsonArray &cells, QPoint cell);
    void addRow();
    void removeRow();
    void clearCells();
    void moveFromCell(bool forward, bool edit);
    void focusCell(QPoint cell, bool edit);
    void updateButtons();

    const WorksheetGrid m_rules;               // the course's rows, where added rows go, what Totals add up
    const int m_insertAt;                      // where added rows go: before the totals at the end
    int m_added = 0;                           // rows the learner added
    QMap<QString, QString> m_choiceLabels;     // the page's names for rating choices
    QTableWidget *m_grid;
    QPushButton *m_addRow = nullptr;
    QPushButton *m_removeRow = nullptr;
    QJsonArray m_recorded;  // the grid as the undo history has it
    UndoMergeRun<QJsonArray> m_mergeRun;  // keystrokes in one cell: one undo step
    bool m_showing = false;
};
