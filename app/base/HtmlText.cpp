#include "HtmlText.h"

#include <libxml/HTMLparser.h>

QString HtmlText::toPlainText(const QString &htmlFragment)
{
    if (!htmlFragment.contains(QLatin1Char('&')) && !htmlFragment.contains(QLatin1Char('<')))
        return htmlFragment.simplified();
    const QByteArray html = "<html><body><div>" + htmlFragment.toUtf8() + "</div></body></html>";
    htmlDocPtr doc = htmlReadMemory(html.constData(), int(html.size()), nullptr, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc)
        return htmlFragment.simplified();
    xmlChar *content = xmlNodeGetContent(xmlDocGetRootElement(doc));
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(content)).simplified();
    xmlFree(content);
    xmlFreeDoc(doc);
    return text;
}
