#pragma once

#include "ActivitySpec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// An activity's grid as plain HTML tables and ruled lines, filled from an answer's value or
// empty to write on: what the printed worksheet and a presentation's activity slide draw.
// Classes only (kwl, worksheet, fixed, editable, unfilled, rating, total, empty, lines,
// answer); each document styles them its own way. Every text is escaped.
namespace WorksheetGridHtml {
// Paragraphs at blank lines, line breaks kept inside them.
QString paragraphs(const QString &text);
// Text in an answer box, or ruled lines to write on when there is none.
QString textOrLines(const QString &text, int lines);
// A KWL's Know / Want to learn / Learned table from its answer's {"rows": ...}; `emptyRows`
// empty rows when it has none.
QString kwlTable(const QJsonObject &value, int emptyRows);
// A worksheet's table as designed (fixed cells kept), filled from an answer's {"cells": ...}.
QString worksheetTable(const ActivitySpec &spec, const QJsonArray &cells);
}  // namespace WorksheetGridHtml
