#pragma once

#include "ActivitySpec.h"

#include <QTableWidget>

#include <functional>

// The table a worksheet is filled in: the course's column names over it in headers that wrap,
// rows tall enough for two lines or a combo box, as tall as its rows (the pane scrolls, not
// the table), and Tab left to `tab`, which skips the cells not to be filled in.
class WorksheetTable : public QTableWidget
{
    Q_OBJECT
public:
    WorksheetTable(const ActivitySpec &spec, int columns, std::function<void(bool forward)> tab, QWidget *parent = nullptr);
};
