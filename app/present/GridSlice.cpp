#include "GridSlice.h"

#include "HtmlDom.h"
#include "TableRows.h"

QString GridSlice::rows(const QString &gridHtml, int first, int count)
{
    if (first == 0 && count < 0)
        return gridHtml;
    HtmlDom dom(gridHtml);
    for (xmlNodePtr table : HtmlDom::elements(dom.body())) {
        if (HtmlDom::name(table) != QLatin1String("table"))
            continue;
        const QVector<xmlNodePtr> all = TableRows::rows(table);
        const int headers = TableRows::headerCount(table);
        for (int row = headers; row < all.size(); ++row) {
            const int body = row - headers;
            if (body < first || (count >= 0 && body >= first + count))
                dom.remove(all[row]);
        }
        break;
    }
    return dom.bodyHtml();
}
