#pragma once

#include "SlideBudget.h"

#include <libxml/tree.h>

#include <QString>
#include <QVector>

// A block too long for the slide it is on, in parts that each fit one: a list by its items
// (a numbered list counting on), a table by its rows (its header rows repeated), a box such
// as a callout by its blocks (and the items of its lists, the sentences of a paragraph longer
// than a slide), a paragraph by its sentences. Nothing is lost or repeated but
// a table's header. Parts are copies: the page's tree is left as it was.
namespace BlockSplitter {
struct Part {
    QString html;
    double lines = 0;
};

// How many units the block splits into for slides of `space` lines (1: it does not split).
int unitCount(xmlNodePtr block, const SlideBudget &budget, double space);
bool isParagraph(xmlNodePtr block);

// The first part takes at most firstSpace lines (it is empty when not even the first unit
// fits there), every further one at most space; a unit larger than that is a part alone.
QVector<Part> split(xmlNodePtr block, double firstSpace, double space, const SlideBudget &budget);
}  // namespace BlockSplitter
