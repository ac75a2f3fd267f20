#include "AnswerCellItem.h"

#include <QTableWidget>

AnswerCellItem::AnswerCellItem(const QString &text)
    : QTableWidgetItem(text)
{
}

QVariant AnswerCellItem::data(int role) const
{
    const QTableWidget *table = tableWidget();
    if (role != Qt::AccessibleTextRole || !table)
        return QTableWidgetItem::data(role);
    const QModelIndex index = table->model()->index(row(), column());
    const QString content = text().simplified();
    // A fixed cell that names its row (a worksheet's row label) says only that.
    if (!content.isEmpty() && content == table->model()->headerData(index.row(), Qt::Vertical, Qt::AccessibleTextRole).toString())
        return content;
    return content.isEmpty() ? placeName(index) : tr("%1: %2").arg(placeName(index), content);
}

QTableWidgetItem *AnswerCellItem::clone() const
{
    return new AnswerCellItem(*this);
}

QString AnswerCellItem::placeName(const QModelIndex &index)
{
    const QAbstractItemModel *model = index.model();
    QString column = model->headerData(index.column(), Qt::Horizontal).toString();
    if (column.isEmpty())
        column = tr("column %1").arg(index.column() + 1);
    QString row = model->headerData(index.row(), Qt::Vertical, Qt::AccessibleTextRole).toString();
    if (row.isEmpty())
        row = tr("row %1").arg(index.row() + 1);
    return tr("%1, %2").arg(column, row);
}
