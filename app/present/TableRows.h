#pragma once

#include <libxml/tree.h>

#include <QVector>

// A table's own rows (not those of a table inside a cell), and which of them head it: the
// rows of its <thead>, else a first row of header cells only. A long table split over slides
// repeats them.
namespace TableRows {
QVector<xmlNodePtr> rows(xmlNodePtr table);
int headerCount(xmlNodePtr table);
}  // namespace TableRows
