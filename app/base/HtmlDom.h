#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <libxml/HTMLparser.h>

// An HTML fragment as a tree, parsed and written back by libxml2's HTML parser (which
// copes with the broken markup course authors write), with the few DOM operations the
// renderer needs. Owns its document; nodes, removed ones included, stay valid until the
// HtmlDom is destroyed.
class HtmlDom
{
public:
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

    static QString name(xmlNodePtr node);  // lower-case tag name
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
    htmlDocPtr m_doc = nullptr;
    xmlNodePtr m_body = nullptr;
    QVector<xmlNodePtr> m_removed;  // freed with the document
};
