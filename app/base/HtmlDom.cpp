#include "HtmlDom.h"

#include "HtmlNestingLimit.h"

#include <gumbo.h>
#include <libxml/HTMLtree.h>

#include <utility>

namespace {
const xmlChar *x(const char *text) { return reinterpret_cast<const xmlChar *>(text); }
QString q(const xmlChar *text) { return QString::fromUtf8(reinterpret_cast<const char *>(text)); }

const char kSvgNamespace[] = "http://www.w3.org/2000/svg";
const char kMathMlNamespace[] = "http://www.w3.org/1998/Math/MathML";

// Parsing stops counting start tags this deep (an estimate, see HtmlNestingLimit): as deep
// as Chromium builds trees, far beyond kMaxDepth.
constexpr int kParseDepthLimit = 512;

// Elements and comments below `root` in document order, without recursion.
void collect(xmlNodePtr root, xmlElementType type, QVector<xmlNodePtr> *out)
{
    xmlNodePtr node = root->children;
    while (node) {
        if (node->type == type)
            out->append(node);
        if (node->type == XML_ELEMENT_NODE && node->children) {
            node = node->children;
            continue;
        }
        while (node != root && !node->next)
            node = node->parent;
        node = node == root ? nullptr : node->next;
    }
}

QByteArray tagName(const GumboElement &element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    const QByteArray name = QByteArray(piece.data, int(piece.length)).toLower();
    return name.isEmpty() ? QByteArray("unknown") : name;
}

QByteArray attributeName(const GumboAttribute &attribute)
{
    switch (attribute.attr_namespace) {
    case GUMBO_ATTR_NAMESPACE_XLINK:
        return QByteArray("xlink:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_XML:
        return QByteArray("xml:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_XMLNS:
        return QByteArray("xmlns:") + attribute.name;
    case GUMBO_ATTR_NAMESPACE_NONE:
        break;
    }
    return attribute.name;
}
}  // namespace

HtmlDom::HtmlDom(const QString &fragment)
{
    m_doc = htmlNewDocNoDtD(nullptr, nullptr);
    xmlNodePtr root = xmlNewDocNode(m_doc, nullptr, x("html"), nullptr);
    xmlDocSetRootElement(m_doc, root);
    m_body = xmlNewChild(root, nullptr, x("body"), nullptr);
    m_svg = xmlNewNs(nullptr, x(kSvgNamespace), nullptr);
    m_mathMl = xmlNewNs(nullptr, x(kMathMlNamespace), nullptr);

    const HtmlNestingLimit::Result limited = HtmlNestingLimit::apply(fragment.toUtf8(), kParseDepthLimit);
    m_flattened.elements = limited.droppedTags;
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_BODY;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    options.max_errors = 0;  // parse errors are not reported: keep none
    GumboOutput *output = gumbo_parse_with_options(&options, limited.html.constData(), size_t(limited.html.size()));
    build(output->root);
    gumbo_destroy_output(&options, output);
}

// Copies gumbo's tree (the fragment's nodes are the children of its root) under <body>,
// without recursion, so no depth of nesting can exhaust the stack.
void HtmlDom::build(const GumboNode *root)
{
    struct Pending {
        const GumboNode *node;
        xmlNodePtr parent;
        int depth;  // of `node`: the body's children are at depth 1
    };
    QVector<Pending> pending;
    auto pushChildren = [&pending](const GumboVector &children, xmlNodePtr parent, int depth) {
        for (unsigned i = children.length; i > 0; --i)
            pending.append({static_cast<const GumboNode *>(children.data[i - 1]), parent, depth});
    };
    pushChildren(root->v.element.children, m_body, 1);
    while (!pending.isEmpty()) {
        const Pending item = pending.takeLast();
        const GumboNode *node = item.node;
        switch (node->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            const GumboElement &element = node->v.element;
            if (item.depth > kMaxDepth) {
                ++m_flattened.elements;
                pushChildren(element.children, item.parent, item.depth + 1);
                break;
            }
            xmlNodePtr created = xmlNewDocNode(m_doc, nullptr, x(tagName(element).constData()), nullptr);
            if (element.tag_namespace == GUMBO_NAMESPACE_SVG)
                created->ns = m_svg;
            else if (element.tag_namespace == GUMBO_NAMESPACE_MATHML)
                created->ns = m_mathMl;
            for (unsigned i = 0; i < element.attributes.length; ++i) {
                const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
                xmlNewProp(created, x(attributeName(*attribute).constData()), x(attribute->value));
            }
            xmlAddChild(item.parent, created);
            pushChildren(element.children, created, item.depth + 1);
            break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            if (item.depth > kMaxDepth + 1 && m_flattened.firstText.isEmpty())
                m_flattened.firstText = QString::fromUtf8(node->v.text.text).simplified();
            // xmlAddChild merges adjacent text nodes, as flattening makes them.
            xmlAddChild(item.parent, xmlNewDocText(m_doc, x(node->v.text.text)));
            break;
        case GUMBO_NODE_COMMENT:
            xmlAddChild(item.parent, xmlNewDocComment(m_doc, x(node->v.text.text)));
            break;
        case GUMBO_NODE_DOCUMENT:
            break;
        }
    }
}

HtmlDom::~HtmlDom()
{
    for (xmlNodePtr node : std::as_const(m_removed))
        xmlFreeNode(node);
    xmlFreeDoc(m_doc);
    xmlFreeNs(m_svg);
    xmlFreeNs(m_mathMl);
}

QString HtmlDom::bodyHtml() const
{
    // One buffer and one conversion for the whole body, not one per child.
    xmlBufferPtr buffer = xmlBufferCreate();
    for (xmlNodePtr child = m_body->children; child; child = child->next)
        htmlNodeDump(buffer, m_doc, child);
    const QString html = q(xmlBufferContent(buffer));
    xmlBufferFree(buffer);
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

HtmlDom::Namespace HtmlDom::elementNamespace(xmlNodePtr node)
{
    if (!node->ns || !node->ns->href)
        return Namespace::Html;
    if (xmlStrEqual(node->ns->href, x(kSvgNamespace)))
        return Namespace::Svg;
    return xmlStrEqual(node->ns->href, x(kMathMlNamespace)) ? Namespace::MathMl : Namespace::Html;
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
