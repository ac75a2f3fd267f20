#pragma once

#include <QJsonObject>

// Figures for search: building a course's index (time and bytes), and query latency, median
// and worst over 100 queries, against `grep -ril WORD` over the same course folder.
class SearchFigures
{
public:
    static QJsonObject measure(const QString &coursePath);
};
