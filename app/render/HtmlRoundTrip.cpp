#include "HtmlRoundTrip.h"

#include "HtmlDom.h"

#include <QByteArray>
#include <QHash>

#include <cstring>

namespace {

// Where an element may stand: most anywhere in flow content, the rest only in their one
// kind of parent (the parser moves or drops them elsewhere).
enum class Slot { Flow, ListItem, DefinitionItem, TableChild, Row, Cell, Column };

enum Flag : unsigned {
    Phrasing = 1,      // may stand inside <p> and headings
    Void = 2,          // written without an end tag: holds nothing
    PhrasingOnly = 4,  // holds phrasing only, at any depth (a block start tag would close it)
    NotEmpty = 8,      // libxml2 writes it empty without its end tag: what follows would move in
};

struct Rule {
    Slot slot;          // where it may stand
    Slot holds;         // what it may hold; a parent holding other than Flow holds white space as text
    unsigned flags;
};

const QHash<QByteArray, Rule> &rules()
{
    static const QHash<QByteArray, Rule> table = [] {
        QHash<QByteArray, Rule> byName;
        const auto add = [&byName](const char *names, Rule rule) {
            for (const QByteArray &name : QByteArray(names).split(' '))
                byName.insert(name, rule);
        };
        add("a abbr audio b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var video",
            {Slot::Flow, Slot::Flow, Phrasing});
        add("br img input source track wbr", {Slot::Flow, Slot::Flow, Phrasing | Void});
        add("address article aside blockquote details div figcaption figure footer header hgroup main nav pre section summary",
            {Slot::Flow, Slot::Flow, 0});
        add("p h1 h2 h3 h4 h5 h6", {Slot::Flow, Slot::Flow, PhrasingOnly});
        add("hr", {Slot::Flow, Slot::Flow, Void});
        add("ul ol", {Slot::Flow, Slot::ListItem, 0});
        add("li", {Slot::ListItem, Slot::Flow, NotEmpty});
        add("dl", {Slot::Flow, Slot::DefinitionItem, 0});
        add("dt dd", {Slot::DefinitionItem, Slot::Flow, 0});
        add("table", {Slot::Flow, Slot::TableChild, 0});
        add("caption", {Slot::TableChild, Slot::Flow, 0});
        add("thead tbody tfoot", {Slot::TableChild, Slot::Row, 0});
        add("colgroup", {Slot::TableChild, Slot::Column, 0});
        add("tr", {Slot::Row, Slot::Cell, 0});
        add("td th", {Slot::Cell, Slot::Flow, 0});
        add("col", {Slot::Column, Slot::Flow, Void});
        return byName;
    }();
    return table;
}

// Characters the parser keeps as they are: no control character but tab and line feed
// (a carriage return becomes a line feed, NUL goes), none of the C1 controls.
bool plainCharacters(const xmlChar *text, bool whiteSpaceOnly)
{
    for (const xmlChar *c = text; c && *c; ++c) {
        if (whiteSpaceOnly ? (*c != ' ' && *c != '\t' && *c != '\n') : ((*c < 0x20 && *c != '\t' && *c != '\n') || *c == 0x7f))
            return false;
        if (*c == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f)
            return false;
    }
    return true;
}

// libxml2 writes these attributes' values URI-escaped: a value escaping would change reads
// back as another value, so only values escaping leaves alone pass.
bool isEscapedAddress(const xmlNode *element, const xmlAttr *attribute)
{
    const char *name = reinterpret_cast<const char *>(attribute->name);
    return !std::strcmp(name, "href") || !std::strcmp(name, "src") || !std::strcmp(name, "action")
        || (!std::strcmp(name, "name") && !std::strcmp(reinterpret_cast<const char *>(element->name), "a"));
}

bool unchangedByEscaping(const xmlChar *value)
{
    static const char kKept[] = "-_.!~*'()@/:=?;#%&,+<>";
    for (const xmlChar *c = value; c && *c; ++c) {
        const bool alphanumeric = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9');
        if (!alphanumeric && !std::strchr(kKept, *c))
            return false;
    }
    return true;
}

bool plainName(const xmlChar *name)
{
    if (!name || *name < 'a' || *name > 'z')
        return false;
    for (const xmlChar *c = name; *c; ++c) {
        const bool allowed = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.' || *c == ':';
        if (!allowed)
            return false;
    }
    return true;
}

bool plainAttributes(const xmlNode *element)
{
    for (const xmlAttr *attribute = element->properties; attribute; attribute = attribute->next) {
        if (attribute->ns || !plainName(attribute->name))
            return false;
        for (const xmlAttr *earlier = element->properties; earlier != attribute; earlier = earlier->next) {
            if (xmlStrEqual(earlier->name, attribute->name))
                return false;  // the parser keeps the first of two
        }
        for (const xmlNode *part = attribute->children; part; part = part->next) {
            if (part->type != XML_TEXT_NODE || !plainCharacters(part->content, false)
                || (isEscapedAddress(element, attribute) && (!unchangedByEscaping(part->content) || part != attribute->children)))
                return false;
        }
    }
    return true;
}

struct Context {
    Slot holds = Slot::Flow;
    bool phrasingOnly = false;
    bool insideLink = false;
};

bool holdsUp(const xmlNode *parent, const Context &context, int depth)
{
    if (depth > HtmlDom::kMaxDepth)
        return false;  // it would be flattened on the way back in
    for (const xmlNode *node = parent->children; node; node = node->next) {
        if (node->type == XML_TEXT_NODE) {
            if (!plainCharacters(node->content, context.holds != Slot::Flow))
                return false;
            continue;
        }
        if (node->type != XML_ELEMENT_NODE || node->ns)
            return false;  // a comment, or an element of another namespace
        const auto rule = rules().constFind(QByteArray::fromRawData(reinterpret_cast<const char *>(node->name),
                                                                    qsizetype(std::strlen(reinterpret_cast<const char *>(node->name)))));
        if (rule == rules().cend() || rule->slot != context.holds || (context.phrasingOnly && !(rule->flags & Phrasing)))
            return false;
        const bool isLink = !std::strcmp(reinterpret_cast<const char *>(node->name), "a");
        if ((isLink && context.insideLink) || ((rule->flags & Void) && node->children) || ((rule->flags & NotEmpty) && !node->children)
            || !plainAttributes(node))
            return false;
        // The parser drops a line feed that opens a <pre>.
        if (!std::strcmp(reinterpret_cast<const char *>(node->name), "pre") && node->children && node->children->type == XML_TEXT_NODE
            && node->children->content && node->children->content[0] == '\n')
            return false;
        const Context inner{rule->holds, context.phrasingOnly || (rule->flags & PhrasingOnly), context.insideLink || isLink};
        if (!holdsUp(node, inner, depth + 1))
            return false;
    }
    return true;
}

}  // namespace

bool HtmlRoundTrip::readsBackUnchanged(xmlNodePtr body)
{
    return holdsUp(body, Context(), 1);
}
