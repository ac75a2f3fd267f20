#include "WorksheetTable.h"

#include "CellDelegate.h"
#include "WrappingHeaderView.h"

#include <QComboBox>
#include <QHeaderView>

#include <algorithm>

WorksheetTable::WorksheetTable(const ActivitySpec &spec, int columns, std::function<void(bool forward)> tab, QWidget *parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("grid"));
    setAccessibleName(spec.title.isEmpty() ? tr("Worksheet") : spec.title);
    setAccessibleDescription(tr("Tab goes to the next cell to fill in. Enter finishes a cell, Shift+Enter starts a new line."));
    setColumnCount(columns);
    QStringList labels = spec.columns;
    while (labels.size() < columns)
        labels.append(QString());
    setHorizontalHeaderLabels(labels);
    horizontalHeader()->setVisible(!spec.columns.isEmpty());
    setItemDelegate(new CellDelegate(tab, this));  // Tab within a cell being edited, too
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setTabKeyNavigation(false);
    setHorizontalHeader(new WrappingHeaderView(this));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setHighlightSections(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    verticalHeader()->setMinimumSectionSize(std::max(2 * fontMetrics().lineSpacing() + 8, QComboBox().sizeHint().height() + 8));
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}
