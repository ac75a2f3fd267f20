#include "PageSections.h"

namespace {
const QString kNotes = QStringLiteral("facilitator-notes");

xmlNodePtr topLevel(xmlNodePtr node, xmlNodePtr body)
{
    while (node->parent && node->parent != body)
        node = node->parent;
    return node;
}
}  // namespace

PageSections::PageSections(const QString &bodyHtml)
    : m_dom(bodyHtml)
{
    for (xmlNodePtr element : HtmlDom::elements(m_dom.body())) {
        if (!m_dom.contains(element))
            continue;  // inside notes taken out already
        if (HtmlDom::hasClass(element, kNotes)) {
            m_notesHtml += HtmlDom::outerHtml(element) + QLatin1Char('\n');
            m_dom.remove(element);
        } else if (HtmlDom::hasClass(element, QStringLiteral("activity-card"))) {
            const QString id = HtmlDom::attribute(element, "data-activity-id");
            xmlNodePtr block = topLevel(element, m_dom.body());
            if (!m_activities.contains(block))
                m_activities.insert(block, id);
            m_dom.remove(element);
        }
    }

    m_sections.append(Section());
    for (xmlNodePtr child = m_dom.body()->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE) {
            const QString text = HtmlDom::text(child);
            if (text.isEmpty())
                continue;
            // Loose text between blocks is a paragraph of its own on a slide.
            xmlNodePtr paragraph = m_dom.createElement("p", QString(), text);
            m_dom.replace(child, paragraph);
            child = paragraph;
        }
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (HtmlDom::name(child) == QLatin1String("h2"))
            m_sections.append(Section{HtmlDom::text(child), {}});
        else
            m_sections.last().blocks.append(child);
    }
    if (m_sections.first().blocks.isEmpty())
        m_sections.removeFirst();
}

QString PageSections::withoutNotes(const QString &html)
{
    HtmlDom dom(html);
    for (xmlNodePtr element : HtmlDom::elements(dom.body())) {
        if (dom.contains(element) && HtmlDom::hasClass(element, kNotes))
            dom.remove(element);
    }
    return dom.bodyHtml();
}
