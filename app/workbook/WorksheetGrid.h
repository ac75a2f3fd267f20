#pragma once

#include "ActivitySpec.h"

#include <QJsonArray>

#include <optional>

// A worksheet's grid: the course's design made rectangular, where the rows a learner adds
// go (before the Total rows at the end, each like the last row before them), and what a
// Total adds up. The one set of rules the editor and every exporter share.
class WorksheetGrid
{
public:
    explicit WorksheetGrid(const ActivitySpec &spec);

    qsizetype columnCount() const { return m_columns; }
    const QVector<QVector<WorksheetCell>> &design() const { return m_design; }
    qsizetype insertAt() const { return m_insertAt; }
    const QVector<WorksheetCell> &addedRow() const { return m_addedRow; }

    // The design with enough added rows for an answer of `rows` rows.
    QVector<QVector<WorksheetCell>> layout(qsizetype rows) const;
    // What each cell of layout(cells.size()) shows for an answer's {"cells": ...}: fixed
    // text, the learner's text or choice ("" when none), and the computed totals.
    QVector<QVector<QString>> shown(const QJsonArray &cells) const;

    // What a cell holding `text` adds to the Total below it: an Editable cell its number,
    // a chosen Rating its number, else its place among the choices (1 for the first; a
    // saved choice the course no longer offers comes after them).
    static std::optional<double> countOf(const WorksheetCell &cell, const QString &text);
    static QString totalText(double sum);
    // Answers keep what the learner wrote; a number stored by another tool still shows.
    static QString textIn(const QJsonValue &value);

private:
    qsizetype m_columns = 1;
    QVector<QVector<WorksheetCell>> m_design;
    qsizetype m_insertAt = 0;
    QVector<WorksheetCell> m_addedRow;
};
