#include "TableRows.h"

#include "HtmlDom.h"

#include <algorithm>

namespace {
bool isSection(xmlNodePtr node)
{
    const QString name = HtmlDom::name(node);
    return name == QLatin1String("thead") || name == QLatin1String("tbody") || name == QLatin1String("tfoot");
}

bool headerCellsOnly(xmlNodePtr row)
{
    bool any = false;
    for (xmlNodePtr cell = row->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE)
            continue;
        if (HtmlDom::name(cell) != QLatin1String("th"))
            return false;
        any = true;
    }
    return any;
}
}  // namespace

QVector<xmlNodePtr> TableRows::rows(xmlNodePtr table)
{
    QVector<xmlNodePtr> found;
    for (xmlNodePtr child = table->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (HtmlDom::name(child) == QLatin1String("tr")) {
            found << child;
        } else if (isSection(child)) {
            for (xmlNodePtr row = child->children; row; row = row->next) {
                if (row->type == XML_ELEMENT_NODE && HtmlDom::name(row) == QLatin1String("tr"))
                    found << row;
            }
        }
    }
    return found;
}

int TableRows::headerCount(xmlNodePtr table)
{
    const QVector<xmlNodePtr> all = rows(table);
    const auto inHead = std::count_if(all.begin(), all.end(), [](xmlNodePtr row) {
        return HtmlDom::name(row->parent) == QLatin1String("thead");
    });
    if (inHead > 0)
        return int(inHead);
    return !all.isEmpty() && headerCellsOnly(all.first()) ? 1 : 0;
}
