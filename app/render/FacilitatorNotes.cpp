#include "FacilitatorNotes.h"

#include "HtmlDom.h"

#include <QRegularExpression>

namespace {
// The first child element, unless text comes before it.
xmlNodePtr leadingElement(xmlNodePtr parent)
{
    xmlNodePtr child = parent->children;
    if (!child || child->type == XML_ELEMENT_NODE)
        return child;
    return HtmlDom::nextElement(child);
}
}  // namespace

void FacilitatorNotes::dropRepeatedTitle(HtmlDom &dom)
{
    static const QRegularExpression title(QStringLiteral("^facilitator(?:'s|’s)? notes?\\s*:?$"),
                                          QRegularExpression::CaseInsensitiveOption);
    for (xmlNodePtr notes : HtmlDom::elements(dom.body())) {
        if (!HtmlDom::hasClass(notes, QStringLiteral("facilitator-notes")))
            continue;
        xmlNodePtr first = leadingElement(notes);
        if (!first || HtmlDom::name(first) != QLatin1String("p"))
            continue;
        xmlNodePtr lead = leadingElement(first);
        const QString name = lead ? HtmlDom::name(lead) : QString();
        if ((name != QLatin1String("strong") && name != QLatin1String("b")) || !title.match(HtmlDom::text(lead)).hasMatch())
            continue;
        // Only the title in its paragraph: the paragraph goes; else just the bold words.
        dom.remove(HtmlDom::text(first) == HtmlDom::text(lead) ? first : lead);
    }
}
