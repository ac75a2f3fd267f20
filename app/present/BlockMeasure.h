#pragma once

#include "SlideBudget.h"

#include <libxml/tree.h>

#include <QString>
#include <QVector>

// How many body lines of a slide a block of a page takes, estimated from its plain text's
// length against a budget (deterministic: no fonts are measured). Images take about half a
// slide (the slide style sheet caps them so), a video or embed card a few lines.
namespace BlockMeasure {
double textLines(const QString &text, double charsPerLine);
double lines(xmlNodePtr element, const SlideBudget &budget);
// One part of a split block: a list item, a table row.
double itemLines(xmlNodePtr item, const SlideBudget &budget);
// A table row, in a table whose columns take these shares of its width (columnShares()).
double rowLines(xmlNodePtr row, const QVector<double> &shares, const SlideBudget &budget);
QVector<double> columnShares(xmlNodePtr table);
// A box of blocks (a callout, a quote, a plain <div>): what its frame adds (a callout's label
// and padding), and the narrower budget of its inside.
bool isBox(xmlNodePtr element);
double boxFrame(xmlNodePtr box);
SlideBudget boxInside(const SlideBudget &budget);
// A block's images, each about half a slide.
double imageLines(xmlNodePtr element, const SlideBudget &budget);
}  // namespace BlockMeasure
