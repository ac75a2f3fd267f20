#include "SearchablePage.h"

#include "HtmlDom.h"

#include <QSet>

namespace {

bool isHeading(const QString &name)
{
    return name.size() == 2 && name.at(0) == QLatin1Char('h') && name.at(1) >= QLatin1Char('1') && name.at(1) <= QLatin1Char('6');
}

// Elements inside a word's run of text: no space is put around them ("<em>re</em>read").
bool isInline(const QString &name)
{
    static const QSet<QString> inlineElements = {
        QStringLiteral("a"),   QStringLiteral("abbr"), QStringLiteral("b"),    QStringLiteral("code"), QStringLiteral("em"),
        QStringLiteral("i"),   QStringLiteral("kbd"),  QStringLiteral("mark"), QStringLiteral("s"),    QStringLiteral("small"),
        QStringLiteral("span"), QStringLiteral("strong"), QStringLiteral("sub"), QStringLiteral("sup"), QStringLiteral("u")};
    return inlineElements.contains(name);
}

// Nothing a learner sees as text: facilitator notes show only when a facilitator turns them on.
bool isSkipped(xmlNodePtr element, const QString &name)
{
    return name == QLatin1String("script") || name == QLatin1String("style") || name == QLatin1String("template")
        || HtmlDom::hasAttribute(element, "hidden") || HtmlDom::hasClass(element, QStringLiteral("facilitator-notes"));
}

class SectionCutter
{
public:
    explicit SectionCutter(int maxCharacters) : m_left(maxCharacters) { m_page.sections.append(SearchablePage::Section()); }

    void visit(xmlNodePtr node)
    {
        for (xmlNodePtr child = node->children; child && m_left > 0; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                append(m_page.sections.last().text, QString::fromUtf8(reinterpret_cast<const char *>(child->content)));
                continue;
            }
            if (child->type != XML_ELEMENT_NODE)
                continue;
            const QString name = HtmlDom::name(child);
            if (isSkipped(child, name))
                continue;
            if (isHeading(name)) {
                heading(child);
                continue;
            }
            const bool block = !isInline(name);
            if (block)
                append(m_page.sections.last().text, QStringLiteral(" "));
            visit(child);
            if (block)
                append(m_page.sections.last().text, QStringLiteral(" "));
        }
    }

    SearchablePage take()
    {
        for (SearchablePage::Section &section : m_page.sections) {
            section.text = section.text.simplified();
            section.headings = section.headings.simplified();
        }
        return std::move(m_page);
    }

private:
    // A heading with an id no earlier section has starts a section; any other joins the current one.
    void heading(xmlNodePtr node)
    {
        const QString id = HtmlDom::attribute(node, "id");
        if (!id.isEmpty() && !m_anchors.contains(id)) {
            m_anchors.insert(id);
            m_page.sections.append(SearchablePage::Section{id, QString(), QString()});
        }
        append(m_page.sections.last().headings, HtmlDom::text(node) + QLatin1Char(' '));
    }

    void append(QString &to, const QString &text)
    {
        const QString kept = text.left(m_left);
        to += kept;
        m_left -= int(kept.size());
    }

    SearchablePage m_page;
    QSet<QString> m_anchors;
    int m_left;
};

}  // namespace

SearchablePage SearchablePage::fromHtml(const QString &bodyHtml, int maxCharacters)
{
    const HtmlDom dom(bodyHtml);
    SectionCutter cutter(maxCharacters);
    cutter.visit(dom.body());
    return cutter.take();
}
