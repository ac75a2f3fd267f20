#include "HtmlDom.h"

#include <libxml/HTMLtree.h>

#include <utility>

namespace {
const xmlChar *x(const char *text) { return reinterpret_cast<const xmlChar *>(text); }
QString q(const xmlChar *text) { return QString::fromUtf8(reinterpret_cast<const char *>(text)); }

xmlNodePtr findBody(xmlNodePtr node)
{
    for (; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, x("body")) == 0)
            return node;
        if (xmlNodePtr found = findBody(node->children))
            return found;
    }
    return nullptr;
}

void collect(xmlNodePtr node, xmlElementType type, QVector<xmlNodePtr> *out)
{
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (child->type == type)
            out->append(child);
        if (child->type == XML_ELEMENT_NODE)
            collect(child, type, out);
    }
}

// HTML5 void elements that libxml2's HTML 4 parser does not know as empty: it nests what
// follows inside them, where a browser would not, and removing one (an <embed>) would
// take the rest of the page with it. Their children are moved out to follow them.
const char *const kUnknownVoidElements[] = {"embed", "source", "track", "wbr", "keygen"};

void hoistChildrenOfVoidElements(xmlNodePtr root)
{
    for (xmlNodePtr element : HtmlDom::elements(root)) {
        bool isVoid = false;
        for (const char *name : kUnknownVoidElements)
            isVoid = isVoid || xmlStrcasecmp(element->name, x(name)) == 0;
        // Last child first, each right after the element: they keep their order, and a text
        // node merged into a following one goes in front of it.
        while (isVoid && element->last) {
            xmlNodePtr child = element->last;
            xmlUnlinkNode(child);
            xmlAddNextSibling(element, child);
        }
    }
}
}  // namespace

HtmlDom::HtmlDom(const QString &fragment)
{
    // The <meta> tells the parser the bytes are UTF-8 whatever the fragment claims.
    const QByteArray html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + fragment.toUtf8() + "</body></html>";
    m_doc = htmlReadMemory(html.constData(), int(html.size()), nullptr, "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!m_doc)
        m_doc = htmlNewDoc(nullptr, nullptr);
    m_body = findBody(reinterpret_cast<xmlNodePtr>(m_doc));
    if (!m_body) {
        xmlNodePtr root = xmlDocGetRootElement(m_doc);
        if (!root) {
            root = xmlNewDocNode(m_doc, nullptr, x("html"), nullptr);
            xmlDocSetRootElement(m_doc, root);
        }
        m_body = xmlNewChild(root, nullptr, x("body"), nullptr);
    }
    hoistChildrenOfVoidElements(m_body);
}

HtmlDom::~HtmlDom()
{
    for (xmlNodePtr node : std::as_const(m_removed))
        xmlFreeNode(node);
    xmlFreeDoc(m_doc);
}

QString HtmlDom::bodyHtml() const
{
    QString html;
    for (xmlNodePtr child = m_body->children; child; child = child->next)
        html += outerHtml(child);
    return html;
}

QString HtmlDom::outerHtml(xmlNodePtr node)
{
    xmlBufferPtr buffer = xmlBufferCreate();
    htmlNodeDump(buffer, node->doc, node);
    const QString html = q(xmlBufferContent(buffer));
    xmlBufferFree(buffer);
    return html;
}

QVector<xmlNodePtr> HtmlDom::elements(xmlNodePtr root)
{
    QVector<xmlNodePtr> out;
    collect(root, XML_ELEMENT_NODE, &out);
    return out;
}

QVector<xmlNodePtr> HtmlDom::comments(xmlNodePtr root)
{
    QVector<xmlNodePtr> out;
    collect(root, XML_COMMENT_NODE, &out);
    return out;
}

QString HtmlDom::name(xmlNodePtr node)
{
    return q(node->name).toLower();
}

bool HtmlDom::hasAttribute(xmlNodePtr node, const char *attribute)
{
    return xmlHasProp(node, x(attribute)) != nullptr;
}

QString HtmlDom::attribute(xmlNodePtr node, const char *attribute)
{
    xmlChar *value = xmlGetProp(node, x(attribute));
    const QString result = value ? q(value) : QString();
    xmlFree(value);
    return result;
}

void HtmlDom::setAttribute(xmlNodePtr node, const char *attribute, const QString &value)
{
    xmlSetProp(node, x(attribute), x(value.toUtf8().constData()));
}

void HtmlDom::removeAttribute(xmlNodePtr node, const char *attribute)
{
    if (xmlAttrPtr attr = xmlHasProp(node, x(attribute)))
        xmlRemoveProp(attr);
}

QStringList HtmlDom::attributeNames(xmlNodePtr node)
{
    QStringList names;
    for (xmlAttrPtr attr = node->properties; attr; attr = attr->next)
        names << q(attr->name).toLower();
    return names;
}

QStringList HtmlDom::classes(xmlNodePtr node)
{
    return attribute(node, "class").split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool HtmlDom::hasClass(xmlNodePtr node, const QString &className)
{
    return classes(node).contains(className);
}

void HtmlDom::addClass(xmlNodePtr node, const QString &className)
{
    QStringList list = classes(node);
    if (!list.contains(className))
        setAttribute(node, "class", (list << className).join(QLatin1Char(' ')));
}

QString HtmlDom::text(xmlNodePtr node)
{
    xmlChar *content = xmlNodeGetContent(node);
    const QString result = q(content).simplified();
    xmlFree(content);
    return result;
}

xmlNodePtr HtmlDom::nextElement(xmlNodePtr node)
{
    for (xmlNodePtr n = node->next; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_TEXT_NODE && !text(n).isEmpty())
            return nullptr;
    }
    return nullptr;
}

xmlNodePtr HtmlDom::previousElement(xmlNodePtr node)
{
    for (xmlNodePtr n = node->prev; n; n = n->prev) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
    }
    return nullptr;
}

xmlNodePtr HtmlDom::createElement(const char *tag, const QString &className, const QString &text)
{
    xmlNodePtr node = xmlNewDocNode(m_doc, nullptr, x(tag), nullptr);
    if (!className.isEmpty())
        setAttribute(node, "class", className);
    if (!text.isEmpty())
        appendText(node, text);
    return node;
}

void HtmlDom::appendText(xmlNodePtr parent, const QString &text)
{
    xmlAddChild(parent, xmlNewDocText(parent->doc, x(text.toUtf8().constData())));
}

void HtmlDom::remove(xmlNodePtr node)
{
    xmlUnlinkNode(node);
    m_removed.append(node);
}

void HtmlDom::replace(xmlNodePtr oldNode, xmlNodePtr newNode)
{
    xmlReplaceNode(oldNode, newNode);
    m_removed.append(oldNode);
}

bool HtmlDom::contains(xmlNodePtr node) const
{
    while (node && node != m_body)
        node = node->parent;
    return node == m_body;
}

void HtmlDom::unwrap(xmlNodePtr node)
{
    while (xmlNodePtr child = node->children) {
        xmlUnlinkNode(child);
        xmlAddPrevSibling(node, child);
    }
    remove(node);
}
