#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <libxml/HTMLparser.h>

// An HTML fragment as a tree, with the few DOM operations the renderer needs. It is parsed
// by gumbo, with the HTML5 parsing algorithm browsers use (a fragment in a <body>), so the
// tree is the one the page view will build from the same markup; held as a libxml2 tree,
// which libxml2 writes back as HTML. Owns its document; nodes, removed ones included, stay
// valid until the HtmlDom is destroyed.
class HtmlDom
{
public:
    // Elements nested deeper than this are not built: what they hold goes to the deepest
    // element kept, so their text, images and line breaks stay and only the inner markup
    // goes. Every walk over the tree, here and in its users, stays shallow.
    static constexpr int kMaxDepth = 200;
    struct Flattened {
        int elements = 0;   // elements left out for being too deep
        QString firstText;  // the first text they held, to tell the author where
    };
    enum class Namespace { Html, Svg, MathMl };

    explicit HtmlDom(const QString &fragment);
    ~HtmlDom();
    HtmlDom(const HtmlDom &) = delete;
    HtmlDom &operator=(const HtmlDom &) = delete;

    xmlNodePtr body() const { return m_body; }
    QString bodyHtml() const;  // the inner HTML of <body>
    static QString outerHtml(xmlNodePtr node);

    // Every element (or comment) below `root`, in document order: safe to mutate while iterating.
    static QVector<xmlNodePtr> elements(xmlNodePtr root);
    static QVector<xmlNodePtr> comments(xmlNodePtr root);

    const Flattened &flattened() const { return m_flattened; }

    static QString name(xmlNodePtr node);  // lower-case tag name
    static Namespace elementNamespace(xmlNodePtr node);  // <svg> and <math> content is foreign
    static bool hasAttribute(xmlNodePtr node, const char *attribute);
    static QString attribute(xmlNodePtr node, const char *attribute);
    static void setAttribute(xmlNodePtr node, const char *attribute, const QString &value);
    static void removeAttribute(xmlNodePtr node, const char *attribute);
    static QStringList attributeNames(xmlNodePtr node);
    static QStringList classes(xmlNodePtr node);
    static bool hasClass(xmlNodePtr node, const QString &className);
    static void addClass(xmlNodePtr node, const QString &className);
    static QString text(xmlNodePtr node);  // text content, white space collapsed
    static xmlNodePtr nextElement(xmlNodePtr node);
    static xmlNodePtr previousElement(xmlNodePtr node);

    xmlNodePtr createElement(const char *tag, const QString &className = QString(), const QString &text = QString());
    static void appendText(xmlNodePtr parent, const QString &text);
    // Removed nodes are unlinked, not freed: a node list collected before (elements())
    // stays safe to walk, and contains() tells which of its nodes are still in the body.
    void remove(xmlNodePtr node);
    void replace(xmlNodePtr oldNode, xmlNodePtr newNode);
    void unwrap(xmlNodePtr node);  // replaces node by its children
    bool contains(xmlNodePtr node) const;

private:
    void build(const struct GumboInternalNode *root);

    htmlDocPtr m_doc = nullptr;
    xmlNodePtr m_body = nullptr;
    xmlNsPtr m_svg = nullptr;  // the namespaces of foreign elements, owned here
    xmlNsPtr m_mathMl = nullptr;
    Flattened m_flattened;
    QVector<xmlNodePtr> m_removed;  // freed with the document
};
