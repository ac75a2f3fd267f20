#include "WorksheetEditor.h"

#include "AnswerCellItem.h"
#include "CellDelegate.h"
#include "RatingCellBox.h"
#include "WorksheetTable.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace {

using Type = WorksheetCell::Type;

}  // namespace

WorksheetEditor::WorksheetEditor(const ActivitySpec &spec, QWidget *parent)
    : AnswerEditor(parent)
    , m_rules(spec)
    , m_insertAt(int(m_rules.insertAt()))
    , m_choiceLabels(spec.choiceLabels)
    , m_grid(new WorksheetTable(spec, int(m_rules.columnCount()), [this](bool forward) { moveFromCell(forward, true); }, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);  // the pane frames each activity
    layout->setSpacing(6);

    routeUndoKeys(m_grid);
    setFocusProxy(m_grid);  // focusing the editor starts at its first input
    connect(m_grid, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_showing)
            record(tr("Edit cell"), QStringLiteral("cell %1 %2").arg(item->row()).arg(item->column()));
    });
    connect(m_grid, &QTableWidget::currentCellChanged, this, &WorksheetEditor::updateButtons);
    layout->addWidget(m_grid);

    if (spec.canAddRows) {
        auto *buttons = new QHBoxLayout;
        m_addRow = new QPushButton(tr("Add row"), this);
        m_addRow->setObjectName(QStringLiteral("addRow"));
        m_addRow->setToolTip(tr("Add an empty row to the table"));
        connect(m_addRow, &QPushButton::clicked, this, &WorksheetEditor::addRow);
        buttons->addWidget(m_addRow);
        m_removeRow = new QPushButton(tr("Remove row"), this);
        m_removeRow->setObjectName(QStringLiteral("removeRow"));
        m_removeRow->setToolTip(tr("Remove the selected row (only rows you added)"));
        connect(m_removeRow, &QPushButton::clicked, this, &WorksheetEditor::removeRow);
        buttons->addWidget(m_removeRow);
        buttons->addStretch(1);
        layout->addLayout(buttons);
    }

    build(0);
    setValue({});
}

QJsonObject WorksheetEditor::value() const
{
    return {{QStringLiteral("cells"), cells()}};
}

void WorksheetEditor::setValue(const QJsonObject &value)
{
    const QJsonArray cells = value.value(QStringLiteral("cells")).toArray();
    showCells(cells);
    m_recorded = this->cells();
    m_grid->setCurrentCell(-1, -1);
    undoStack()->clear();
    updateButtons();
}

const WorksheetCell &WorksheetEditor::cellAt(int row, int column) const
{
    if (row < m_insertAt)
        return m_rules.design()[row][column];
    if (row < m_insertAt + m_added)
        return m_rules.addedRow()[column];
    return m_rules.design()[row - m_added][column];
}

bool WorksheetEditor::isStop(int row, int column) const
{
    const Type type = cellAt(row, column).type;
    return type == Type::Editable || type == Type::Rating;
}

RatingCellBox *WorksheetEditor::ratingAt(int row, int column) const
{
    return qobject_cast<RatingCellBox *>(m_grid->cellWidget(row, column));
}

QComboBox *WorksheetEditor::comboAt(int row, int column) const
{
    const RatingCellBox *box = ratingAt(row, column);
    return box ? box->combo() : nullptr;
}

QPoint WorksheetEditor::cellOf(const QComboBox *combo) const
{
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            if (comboAt(row, column) == combo)
                return {column, row};
        }
    }
    return {-1, -1};
}

QJsonArray WorksheetEditor::cells() const
{
    QJsonArray rows;
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        QJsonArray cells;
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            switch (cellAt(row, column).type) {
            case Type::Editable:
                cells.append(m_grid->item(row, column)->text());
                break;
            case Type::Rating:
                cells.append(ratingAt(row, column)->choice());
                break;
            case Type::Fixed:
            case Type::Total:
                cells.append(QJsonValue::Null);
                break;
            }
        }
        rows.append(cells);
    }
    return rows;
}

// Lays the table out anew, empty, with `addedRows` rows added by the learner.
void WorksheetEditor::build(int addedRows)
{
    m_showing = true;
    m_added = addedRows;
    m_grid->setRowCount(0);
    m_grid->setRowCount(int(m_rules.design().size()) + addedRows);
    QFont bold;
    bold.setBold(true);  // resolved against the table's font when drawn
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        QString rowName;
        for (int column = 0; column < m_grid->columnCount() && rowName.isEmpty(); ++column) {
            if (cellAt(row, column).type == Type::Fixed)
                rowName = cellAt(row, column).text.simplified();
        }
        if (rowName.isEmpty())
            rowName = tr("row %1").arg(row + 1);
        // Screen readers name a cell by its column and this.
        auto *header = new QTableWidgetItem(QString::number(row + 1));
        header->setData(Qt::AccessibleTextRole, rowName);
        m_grid->setVerticalHeaderItem(row, header);

        for (int column = 0; column < m_grid->columnCount(); ++column) {
            const WorksheetCell &cell = cellAt(row, column);
            auto *item = new AnswerCellItem(cell.type == Type::Fixed ? cell.text : QString());
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            if (cell.type != Type::Editable)
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            if (cell.type == Type::Fixed || cell.type == Type::Total)
                item->setData(CellDelegate::ShadedRole, true);
            if (cell.type == Type::Total)
                item->setFont(bold);
            m_grid->setItem(row, column, item);
            if (cell.type != Type::Rating)
                continue;
            auto *box = new RatingCellBox(cell, m_choiceLabels, AnswerCellItem::placeName(m_grid->model()->index(row, column)));
            box->combo()->installEventFilter(this);
            connect(box->combo(), &QComboBox::currentIndexChanged, this, [this] {
                if (!m_showing)
                    record(tr("Choose rating"));
            });
            m_grid->setCellWidget(row, column, box);
        }
    }
    m_showing = false;
}

// Shows `cells` without recording an edit, adding the rows they have beyond the design.
void WorksheetEditor::showCells(const QJsonArray &cells)
{
    const int added = std::max(0, int(cells.size() - m_rules.design().size()));
    if (added != m_added || m_grid->rowCount() == 0)
        build(added);
    m_showing = true;
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        const QJsonArray values = cells.at(row).toArray();
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            const QString text = WorksheetGrid::textIn(values.at(column));
            if (cellAt(row, column).type == Type::Editable) {
                m_grid->item(row, column)->setText(text);
            } else if (cellAt(row, column).type == Type::Rating) {
                ratingAt(row, column)->setChoice(text);
            }
        }
    }
    m_showing = false;
    updateTotals();
}

// The Totals as the exporters show them (WorksheetGrid's rules).
void WorksheetEditor::updateTotals()
{
    m_showing = true;
    const QVector<QVector<QString>> shown = m_rules.shown(cells());
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            if (cellAt(row, column).type == Type::Total)
                m_grid->item(row, column)->setText(shown[row][column]);
        }
    }
    m_showing = false;
}

// Records the change of the grid since the last record as one step of the undo history.
void WorksheetEditor::record(const QString &text, const QString &mergeKey)
{
    updateTotals();
    if (!recordSnapshot<QJsonArray>(m_recorded, cells(), QPoint(m_grid->currentColumn(), m_grid->currentRow()), m_mergeRun, text,
                                    mergeKey, [this](const QJsonArray &snapshot, QPoint cell) { restore(snapshot, cell); }))
        return;
    updateButtons();
    emit changed();
}

void WorksheetEditor::restore(const QJsonArray &cells, QPoint cell)
{
    const bool hadFocus = m_grid->isAncestorOf(QApplication::focusWidget());
    showCells(cells);
    m_recorded = cells;
    m_grid->setCurrentCell(std::min(cell.y(), m_grid->rowCount() - 1), cell.x());
    if (hadFocus && !QApplication::focusWidget())  // a new layout took the focused combo box away
        m_grid->setFocus(Qt::OtherFocusReason);
    updateButtons();
    emit changed();
}

void WorksheetEditor::addRow()
{
    QJsonArray cells = this->cells();
    QJsonArray empty;
    for (const WorksheetCell &cell : m_rules.addedRow())
        empty.append(cell.type == Type::Editable || cell.type == Type::Rating ? QJsonValue(QString()) : QJsonValue());
    const int row = m_insertAt + m_added;
    cells.insert(row, empty);
    showCells(cells);
    int column = 0;
    while (column < m_grid->columnCount() - 1 && !isStop(row, column))
        ++column;
    m_grid->setCurrentCell(row, column);
    record(tr("Add row"));
    focusCell({column, row}, cellAt(row, column).type == Type::Editable);
}

void WorksheetEditor::removeRow()
{
    const int row = m_grid->currentRow();
    if (row < m_insertAt || row >= m_insertAt + m_added)
        return;
    const int column = m_grid->currentColumn();
    QJsonArray cells = this->cells();
    cells.removeAt(row);
    showCells(cells);
    m_grid->setCurrentCell(std::min(row, m_grid->rowCount() - 1), column);
    record(tr("Remove row"));
}

void WorksheetEditor::clearCells()
{
    m_showing = true;
    const QList<QTableWidgetItem *> items = m_grid->selectedItems();
    for (QTableWidgetItem *item : items) {
        if (item->flags() & Qt::ItemIsEditable)
            item->setText(QString());
    }
    m_showing = false;
    record(tr("Clear cells"));
}

// Tab order: the cells to fill in, row by row; past either end the focus leaves the table.
void WorksheetEditor::moveFromCell(bool forward, bool edit)
{
    const int columns = m_grid->columnCount();
    const int count = m_grid->rowCount() * columns;
    int position = m_grid->currentRow() < 0 ? (forward ? -1 : count)
                                            : m_grid->currentRow() * columns + m_grid->currentColumn();
    do
        position += forward ? 1 : -1;
    while (position >= 0 && position < count && !isStop(position / columns, position % columns));
    if (position < 0 || position >= count)
        moveFocusOut(m_grid, forward);
    else
        focusCell({position % columns, position / columns}, edit);
}

void WorksheetEditor::focusCell(QPoint cell, bool edit)
{
    m_grid->setCurrentCell(cell.y(), cell.x());
    if (QComboBox *combo = comboAt(cell.y(), cell.x())) {
        combo->setFocus(Qt::TabFocusReason);
        return;
    }
    m_grid->setFocus(Qt::OtherFocusReason);
    if (edit)
        m_grid->editItem(m_grid->currentItem());
}

void WorksheetEditor::updateButtons()
{
    if (m_removeRow) {
        const int row = m_grid->currentRow();
        m_removeRow->setEnabled(row >= m_insertAt && row < m_insertAt + m_added);
    }
}

bool WorksheetEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (AnswerEditor::eventFilter(watched, event))
        return true;
    auto *combo = qobject_cast<QComboBox *>(watched);
    if (watched != m_grid && !combo)
        return false;
    switch (event->type()) {
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab)
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            moveFromCell(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier), false);
            return true;
        }
        if (combo)
            return false;
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            clearCells();
            return true;
        }
        // On a Rating cell the keys that open a cell go to its combo box.
        QComboBox *current = comboAt(m_grid->currentRow(), m_grid->currentColumn());
        const QList<int> openKeys = {Qt::Key_Space, Qt::Key_F2, Qt::Key_Return, Qt::Key_Enter};
        if (current && openKeys.contains(key->key())) {
            current->setFocus(Qt::OtherFocusReason);
            return true;
        }
        return false;
    }
    case QEvent::FocusIn: {
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (combo) {
            const QPoint cell = cellOf(combo);
            m_grid->setCurrentCell(cell.y(), cell.x());
        } else if (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason) {
            // Coming in with Tab lands on a cell to fill in, from the end it came from.
            const QPoint current(m_grid->currentColumn(), m_grid->currentRow());
            if (current.y() >= 0 && isStop(current.y(), current.x()))
                focusCell(current, false);
            else {
                m_grid->setCurrentCell(-1, -1);
                moveFromCell(reason == Qt::TabFocusReason, false);
            }
        }
        return false;
    }
    default:
        return false;
    }
}
