#include "KwlEditor.h"

#include "AnswerCellItem.h"
#include "CellDelegate.h"

#include "KwlLabels.h"

#include "WrappingHeaderView.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QStringList kKeys = {QStringLiteral("know"), QStringLiteral("want"), QStringLiteral("learned")};

bool isBlank(const QStringList &row)
{
    return std::all_of(row.cbegin(), row.cend(), [](const QString &cell) { return cell.trimmed().isEmpty(); });
}

}  // namespace

KwlEditor::KwlEditor(const ActivitySpec &spec, QWidget *parent)
    : AnswerEditor(parent)
    , m_experience(new QPlainTextEdit(this))
    , m_grid(new QTableWidget(0, int(kKeys.size()), this))
    , m_addRow(new QPushButton(tr("Add row"), this))
    , m_removeRow(new QPushButton(tr("Remove row"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);  // the pane frames each activity
    layout->setSpacing(6);

    // The exports' name for the field, with Alt+E to reach it.
    QString experienceText = KwlLabels::experience();
    experienceText.insert(std::max(0, int(experienceText.indexOf(QLatin1String("experience")))), QLatin1Char('&'));
    auto *experienceLabel = new QLabel(experienceText, this);
    experienceLabel->setBuddy(m_experience);
    layout->addWidget(experienceLabel);
    m_experience->setObjectName(QStringLiteral("experience"));
    m_experience->setAccessibleName(KwlLabels::experience());
    m_experience->setTabChangesFocus(true);
    const int frame = m_experience->frameWidth() + int(m_experience->document()->documentMargin());
    m_experience->setFixedHeight(4 * m_experience->fontMetrics().lineSpacing() + 2 * frame);
    trackTextEdit(m_experience);
    setFocusProxy(m_experience);  // focusing the editor starts at its first input
    connect(m_experience, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingValue)
            emit changed();
    });
    layout->addWidget(m_experience);
    layout->addSpacing(4);

    m_grid->setObjectName(QStringLiteral("grid"));
    m_grid->setAccessibleName(spec.title.isEmpty() ? tr("KWL chart") : spec.title);
    m_grid->setAccessibleDescription(
        tr("What you know, want to learn and learned, one item a row. Enter finishes a cell, Shift+Enter "
           "starts a new line, Tab goes to the next cell, Ctrl+V pastes lines into rows."));
    m_grid->setHorizontalHeaderLabels({tr("Know"), tr("Want to learn"), tr("Learned")});
    m_grid->setItemDelegate(new CellDelegate([this](bool forward) { moveFromCell(forward, true); }, this));
    m_grid->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_grid->setTabKeyNavigation(false);  // Tab is handled here, so that it can add a row or leave
    m_grid->setHorizontalHeader(new WrappingHeaderView(m_grid));
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->horizontalHeader()->setHighlightSections(false);
    m_grid->verticalHeader()->hide();
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->verticalHeader()->setMinimumSectionSize(2 * fontMetrics().lineSpacing() + 8);
    // As tall as its rows: the pane scrolls, not the chart.
    m_grid->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    routeUndoKeys(m_grid);
    connect(m_grid, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_showing)
            record(tr("Edit cell"), QStringLiteral("cell %1 %2").arg(item->row()).arg(item->column()));
    });
    connect(m_grid, &QTableWidget::itemSelectionChanged, this, &KwlEditor::updateButtons);
    layout->addWidget(m_grid);

    auto *buttons = new QHBoxLayout;
    m_addRow->setObjectName(QStringLiteral("addRow"));
    m_addRow->setToolTip(tr("Add an empty row at the end (Tab from the last cell adds one too)"));
    connect(m_addRow, &QPushButton::clicked, this, &KwlEditor::addRow);
    buttons->addWidget(m_addRow);
    m_removeRow->setObjectName(QStringLiteral("removeRow"));
    m_removeRow->setToolTip(tr("Remove the rows of the selected cells"));
    connect(m_removeRow, &QPushButton::clicked, this, &KwlEditor::removeRows);
    buttons->addWidget(m_removeRow);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    setValue({});
}

QJsonObject KwlEditor::value() const
{
    Rows all = rows();
    while (!all.isEmpty() && isBlank(all.last()))
        all.removeLast();
    QJsonArray rowsJson;
    for (const QStringList &row : std::as_const(all)) {
        QJsonObject object;
        for (int column = 0; column < kKeys.size(); ++column)
            object.insert(kKeys[column], row[column]);
        rowsJson.append(object);
    }
    return {{QStringLiteral("experience"), m_experience->toPlainText()}, {QStringLiteral("rows"), rowsJson}};
}

void KwlEditor::setValue(const QJsonObject &value)
{
    m_settingValue = true;
    m_experience->setPlainText(value.value(QStringLiteral("experience")).toString());  // clears its history
    m_settingValue = false;
    Rows rows;
    const QJsonArray rowsJson = value.value(QStringLiteral("rows")).toArray();
    for (const QJsonValue &rowJson : rowsJson) {
        QStringList row;
        for (const QString &key : kKeys)
            row.append(rowJson.toObject().value(key).toString());
        rows.append(row);
    }
    showRows(rows);
    m_recorded = this->rows();
    m_grid->clearSelection();
    m_grid->setCurrentCell(0, 0, QItemSelectionModel::NoUpdate);  // nothing looks picked before the learner picks
    undoStack()->clear();
    updateButtons();
}

KwlEditor::Rows KwlEditor::rows() const
{
    Rows rows;
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        QStringList texts;
        for (int column = 0; column < m_grid->columnCount(); ++column)
            texts.append(m_grid->item(row, column)->text());
        rows.append(texts);
    }
    return rows;
}

// Shows `rows`, and always one row at least, without recording an edit.
void KwlEditor::showRows(const Rows &rows)
{
    const Rows shown = rows.isEmpty() ? Rows{QStringList()} : rows;
    m_showing = true;
    while (m_grid->rowCount() > shown.size())
        m_grid->removeRow(m_grid->rowCount() - 1);
    while (m_grid->rowCount() < shown.size())
        appendRow();
    for (int row = 0; row < shown.size(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column)
            m_grid->item(row, column)->setText(shown[row].value(column));
    }
    m_showing = false;
}

void KwlEditor::appendRow()
{
    const bool showing = m_showing;
    m_showing = true;
    const int row = m_grid->rowCount();
    m_grid->insertRow(row);
    for (int column = 0; column < m_grid->columnCount(); ++column) {
        auto *item = new AnswerCellItem;
        item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_grid->setItem(row, column, item);
    }
    m_showing = showing;
}

// Records the change of the chart since the last record as one step of the undo history.
void KwlEditor::record(const QString &text, const QString &mergeKey)
{
    if (!recordSnapshot<Rows>(m_recorded, rows(), QPoint(m_grid->currentColumn(), m_grid->currentRow()), m_mergeRun, text,
                              mergeKey, [this](const Rows &snapshot, QPoint cell) { restore(snapshot, cell); }))
        return;
    updateButtons();
    emit changed();
}

void KwlEditor::restore(const Rows &rows, QPoint cell)
{
    showRows(rows);
    m_recorded = rows;
    m_grid->setCurrentCell(std::min(cell.y(), m_grid->rowCount() - 1), cell.x());
    updateButtons();
    emit changed();
}

void KwlEditor::addRow()
{
    appendRow();
    const int row = m_grid->rowCount() - 1;
    m_grid->setCurrentCell(row, 0);
    record(tr("Add row"));
    m_grid->setFocus(Qt::OtherFocusReason);
    m_grid->editItem(m_grid->item(row, 0));
}

void KwlEditor::removeRows()
{
    QList<int> doomed;
    const QList<QTableWidgetSelectionRange> ranges = m_grid->selectedRanges();
    for (const QTableWidgetSelectionRange &range : ranges) {
        for (int row = range.topRow(); row <= range.bottomRow(); ++row)
            doomed.append(row);
    }
    if (doomed.isEmpty())
        return;
    std::sort(doomed.begin(), doomed.end(), std::greater<>());
    doomed.erase(std::unique(doomed.begin(), doomed.end()), doomed.end());
    const int column = std::max(0, m_grid->currentColumn());
    m_showing = true;
    for (int row : std::as_const(doomed))
        m_grid->removeRow(row);
    m_showing = false;
    if (m_grid->rowCount() == 0)
        appendRow();
    m_grid->setCurrentCell(std::min(doomed.last(), m_grid->rowCount() - 1), column);
    record(doomed.size() == 1 ? tr("Remove row") : tr("Remove rows"));
}

void KwlEditor::paste()
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    QStringList lines = QApplication::clipboard()->text().split(lineBreak);
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast();  // the break that ends the last line
    const int first = std::max(0, m_grid->currentRow());
    const int column = std::max(0, m_grid->currentColumn());
    m_showing = true;
    for (int i = 0; i < lines.size(); ++i) {
        if (first + i == m_grid->rowCount())
            appendRow();
        m_grid->item(first + i, column)->setText(lines[i]);
    }
    m_showing = false;
    m_grid->setCurrentCell(first, column);
    m_grid->setRangeSelected(QTableWidgetSelectionRange(first, column, first + int(lines.size()) - 1, column), true);
    record(tr("Paste"));
}

void KwlEditor::clearCells()
{
    m_showing = true;
    const QList<QTableWidgetItem *> items = m_grid->selectedItems();
    for (QTableWidgetItem *item : items)
        item->setText(QString());
    m_showing = false;
    record(tr("Clear cells"));
}

// Tab order: the cells row by row. Past the last cell, a row with text gets a new row after
// it; an empty one lets the focus go on, so the chart never traps the keyboard.
void KwlEditor::moveFromCell(bool forward, bool edit)
{
    const int columns = m_grid->columnCount();
    const int current = std::max(0, m_grid->currentRow()) * columns + std::max(0, m_grid->currentColumn());
    const int next = current + (forward ? 1 : -1);
    const bool pastEnd = next == m_grid->rowCount() * columns;
    if (next < 0 || (pastEnd && isBlank(rows().constLast()))) {
        moveFocusOut(m_grid, forward);
        return;
    }
    if (pastEnd)
        appendRow();
    m_grid->setCurrentCell(next / columns, next % columns);
    if (pastEnd)
        record(tr("Add row"));
    if (edit)
        m_grid->editItem(m_grid->currentItem());
}

void KwlEditor::updateButtons()
{
    // Removing the only row, when it is empty, would change nothing.
    m_removeRow->setEnabled(!m_grid->selectedRanges().isEmpty()
                            && (m_grid->rowCount() > 1 || !isBlank(rows().constFirst())));
}

bool KwlEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (AnswerEditor::eventFilter(watched, event))
        return true;
    if (watched != m_grid || (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool tab = (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab)
                     && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    const bool paste = key->matches(QKeySequence::Paste);
    const bool clear = key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier;
    if (!tab && !paste && !clear)
        return false;
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept();  // these keys act on the chart, not on the window's shortcuts
        return true;
    }
    if (tab)
        moveFromCell(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier), false);
    else if (paste)
        this->paste();
    else
        clearCells();
    return true;
}
