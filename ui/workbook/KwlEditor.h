#pragma once

#include "AnswerEditor.h"
#include "UndoMergeRun.h"

class QPlainTextEdit;
class QPushButton;
class QTableWidget;

// A KWL chart: the learner's experience with the topic, then rows of what they Know, Want to
// learn and have Learned. Value {"experience": ..., "rows": [{"know", "want", "learned"}]},
// without the empty rows at the end.
//
// Keys in the chart: typing, F2 or a double click opens a cell; Enter finishes it, Shift+Enter
// starts a new line in it, Esc cancels. Tab and Shift+Tab go through the cells row by row,
// editing if a cell was open; Tab from the last cell adds a row when that row has text and
// leaves the chart when it is empty. Ctrl+V on a cell that is not open puts the lines of the
// clipboard into that column, one a row, adding rows as needed; Delete empties the selected cells.
class KwlEditor : public AnswerEditor
{
    Q_OBJECT
public:
    explicit KwlEditor(const ActivitySpec &spec, QWidget *parent = nullptr);

    QJsonObject value() const override;
    void setValue(const QJsonObject &value) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using Rows = QList<QStringList>;  // know, want, learned

    Rows rows() const;
    void showRows(const Rows &rows);
    void appendRow();
    void record(const QString &text, const QString &mergeKey = QString());
    void restore(const Rows &rows, QPoint cell);
    void addRow();
    void removeRows();
    void paste();
    void clearCells();
    void moveFromCell(bool forward, bool edit);
    void updateButtons();

    QPlainTextEdit *m_experience;
    QTableWidget *m_grid;
    QPushButton *m_addRow;
    QPushButton *m_removeRow;
    Rows m_recorded;  // the chart as the undo history has it
    UndoMergeRun<Rows> m_mergeRun;  // keystrokes in one cell: one undo step
    bool m_showing = false;
    bool m_settingValue = false;
};
