#pragma once

#include <QCoreApplication>
#include <QTableWidgetItem>

// A cell of an answer grid (a KWL chart, a worksheet). Screen readers name a table cell by
// its text, so an empty cell to write in had no name at all; this one is named by where it
// is, then by what it holds: "Know, row 1", "Know, row 1: teens lead the game club".
class AnswerCellItem : public QTableWidgetItem
{
    Q_DECLARE_TR_FUNCTIONS(AnswerCellItem)
public:
    explicit AnswerCellItem(const QString &text = QString());

    QVariant data(int role) const override;
    QTableWidgetItem *clone() const override;

    // Where the cell at `index` is, as a screen reader says it: its column's header (else
    // "column N") and its row's name (the header's Qt::AccessibleTextRole, else "row N").
    static QString placeName(const QModelIndex &index);
};
