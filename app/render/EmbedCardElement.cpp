#include "EmbedCardElement.h"

#include "HtmlDom.h"

#include <QSet>

namespace {
const QSet<QString> kHeadings = {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
                                 QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6")};

// The nearest heading before `node` in document order: the title of a video below it.
QString headingBefore(xmlNodePtr node)
{
    for (xmlNodePtr n = node; n && n->type != XML_DOCUMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE; n = n->parent) {
        for (xmlNodePtr s = n->prev; s; s = s->prev) {
            if (s->type != XML_ELEMENT_NODE)
                continue;
            if (kHeadings.contains(HtmlDom::name(s)))
                return HtmlDom::text(s);
            const QVector<xmlNodePtr> inner = HtmlDom::elements(s);
            for (auto it = inner.crbegin(); it != inner.crend(); ++it) {
                if (kHeadings.contains(HtmlDom::name(*it)))
                    return HtmlDom::text(*it);
            }
        }
    }
    return QString();
}

// The span of a paragraph that holds nothing but a <span class="videotime">: a duration
// written after a blank line below its iframe. Null for anything else.
xmlNodePtr videoTimeParagraphSpan(xmlNodePtr node)
{
    if (HtmlDom::name(node) != QLatin1String("p"))
        return nullptr;
    const QVector<xmlNodePtr> inner = HtmlDom::elements(node);
    if (inner.size() != 1 || !HtmlDom::hasClass(inner.first(), QStringLiteral("videotime"))
        || HtmlDom::text(inner.first()) != HtmlDom::text(node))
        return nullptr;
    return inner.first();
}

void giveTitle(EmbedCard &card, xmlNodePtr element)
{
    const QString titleAttribute = HtmlDom::attribute(element, "title").simplified();
    if (card.kind == EmbedCard::Kind::Video || card.kind == EmbedCard::Kind::Audio) {
        card.title = headingBefore(element);
        if (card.title.isEmpty())
            card.title = titleAttribute;
        if (card.title.isEmpty())
            card.title = card.kindLabel() + QStringLiteral(" on ") + card.host;
    } else if (card.kind == EmbedCard::Kind::Interactive && !titleAttribute.isEmpty()) {
        card.title = titleAttribute;
    }
}

void appendSpan(HtmlDom &dom, xmlNodePtr caption, const QString &className, const QString &text)
{
    HtmlDom::appendText(caption, QStringLiteral(" "));
    xmlAddChild(caption, dom.createElement("span", className, text));
}
}  // namespace

void EmbedCardElement::replace(HtmlDom &dom, xmlNodePtr element, EmbedCard card)
{
    if (card.title == card.host)  // named only by where it is online: the page names it better
        giveTitle(card, element);

    xmlNodePtr figure = dom.createElement("figure", QStringLiteral("embed-card ") + card.cssClass());
    HtmlDom::setAttribute(figure, "aria-label", card.kindLabel() + QStringLiteral(": ") + card.title);
    xmlNodePtr icon = dom.createElement("div", QStringLiteral("embed-icon"), card.icon());
    HtmlDom::setAttribute(icon, "aria-hidden", QStringLiteral("true"));
    xmlAddChild(figure, icon);
    xmlNodePtr caption = dom.createElement("figcaption");
    xmlAddChild(caption, dom.createElement("span", QStringLiteral("embed-kind"), card.kindLabel()));
    HtmlDom::appendText(caption, QStringLiteral(" "));
    xmlAddChild(caption, dom.createElement("strong", QStringLiteral("embed-title"), card.title));

    // The duration and credit that follow the element belong on the card.
    for (xmlNodePtr next = HtmlDom::nextElement(element); next; next = HtmlDom::nextElement(element)) {
        if (HtmlDom::hasClass(next, QStringLiteral("videotime"))) {
            card.duration = HtmlDom::text(next);
            dom.remove(next);
        } else if (xmlNodePtr span = videoTimeParagraphSpan(next)) {
            card.duration = HtmlDom::text(span);
            dom.remove(next);
        } else if (HtmlDom::hasClass(next, QStringLiteral("source"))) {
            xmlUnlinkNode(next);
            HtmlDom::addClass(next, QStringLiteral("embed-source"));
            HtmlDom::appendText(caption, QStringLiteral(" "));
            xmlAddChild(caption, next);
        } else {
            break;
        }
    }
    if (!card.duration.isEmpty()) {
        HtmlDom::appendText(caption, QStringLiteral(" "));
        xmlNodePtr duration = dom.createElement("span", QStringLiteral("embed-duration"), card.duration);
        HtmlDom::setAttribute(duration, "aria-label", QStringLiteral("duration ") + card.duration);
        xmlAddChild(caption, duration);
    }
    if (!card.host.isEmpty() && card.host != card.title)  // a link card is already titled by its host
        appendSpan(dom, caption, QStringLiteral("embed-host"), card.host);
    if (!card.note.isEmpty())
        appendSpan(dom, caption, QStringLiteral("embed-note"), card.note);
    xmlAddChild(figure, caption);
    if (card.openUrl.isValid() && (!card.host.isEmpty() || card.isCourseFile())) {
        xmlNodePtr link = dom.createElement("a", QStringLiteral("embed-link") + (card.isCourseFile() ? QString() : QStringLiteral(" external")),
                                            card.linkLabel());
        HtmlDom::setAttribute(link, "href", card.openUrl.toString(QUrl::FullyEncoded));
        xmlAddChild(figure, link);
    }

    // A figure cannot sit inside a paragraph: take the paragraph's place when the element
    // was all it held, else go right after it.
    xmlNodePtr parent = element->parent;
    dom.replace(element, figure);
    if (parent && HtmlDom::name(parent) == QLatin1String("p")) {
        xmlUnlinkNode(figure);
        if (HtmlDom::text(parent).isEmpty() && HtmlDom::elements(parent).isEmpty())
            dom.replace(parent, figure);
        else
            xmlAddNextSibling(parent, figure);
    }
}
