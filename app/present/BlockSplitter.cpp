#include "BlockSplitter.h"

#include "BlockMeasure.h"
#include "HtmlDom.h"
#include "TableRows.h"

#include <QRegularExpression>

#include <memory>

namespace {

enum class Kind { List, Table, Box, Paragraph };

struct Unit {
    QVector<xmlNodePtr> nodes;  // copied into the part, in order
    double lines = 0;
    xmlNodePtr wrapper = nullptr;  // in a box: the list these are items of, the paragraph these are sentences of
    int item = 0;                  // which item of the list the first is
};

// The units of a block and what each part of it adds around them.
struct Layout {
    Kind kind = Kind::Paragraph;
    QVector<Unit> units;
    QVector<xmlNodePtr> header;  // a table's header rows
    double frame = 0;
};

// Text nodes made for a paragraph's sentences: not in the tree, freed with the layout.
struct FreeNode {
    void operator()(xmlNodePtr node) const { xmlFreeNode(node); }
};
using OwnedNodes = std::vector<std::unique_ptr<xmlNode, FreeNode>>;

Kind kindOf(xmlNodePtr block)
{
    const QString name = HtmlDom::name(block);
    if (name == QLatin1String("ul") || name == QLatin1String("ol"))
        return Kind::List;
    if (name == QLatin1String("table"))
        return Kind::Table;
    return BlockMeasure::isBox(block) ? Kind::Box : Kind::Paragraph;
}

bool blankText(xmlNodePtr node)
{
    return node->type == XML_TEXT_NODE && QString::fromUtf8(reinterpret_cast<const char *>(node->content)).trimmed().isEmpty();
}

// A paragraph's child nodes grouped into sentences: its text nodes cut after a sentence's
// end (. ! ? … and closing quotes or brackets, then white space); inline elements stay whole.
QVector<Unit> sentences(xmlNodePtr block, const SlideBudget &budget, OwnedNodes &owned)
{
    static const QRegularExpression end(QStringLiteral("[.!?\u2026][\"\u201d\u2019)\\]]*\\s+"));
    QVector<Unit> units(1);
    QString text;
    const auto close = [&] {
        units.last().lines = BlockMeasure::textLines(text.simplified(), budget.charsPerLine);
        units.append(Unit());
        text.clear();
    };
    for (xmlNodePtr child = block->children; child; child = child->next) {
        if (child->type != XML_TEXT_NODE) {
            units.last().nodes << child;
            text += HtmlDom::text(child) + QLatin1Char(' ');
            continue;
        }
        const QString content = QString::fromUtf8(reinterpret_cast<const char *>(child->content));
        qsizetype from = 0;
        for (auto it = end.globalMatch(content); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString piece = content.mid(from, match.capturedEnd() - from);
            from = match.capturedEnd();
            owned.emplace_back(xmlNewDocText(block->doc, reinterpret_cast<const xmlChar *>(piece.toUtf8().constData())));
            units.last().nodes << owned.back().get();
            text += piece;
            if (from < content.size() || child->next)
                close();
        }
        if (from < content.size()) {
            owned.emplace_back(xmlNewDocText(block->doc, reinterpret_cast<const xmlChar *>(content.mid(from).toUtf8().constData())));
            units.last().nodes << owned.back().get();
            text += content.mid(from);
        }
    }
    units.last().lines = BlockMeasure::textLines(text.simplified(), budget.charsPerLine);
    if (units.last().nodes.isEmpty())
        units.removeLast();
    return units;
}

Layout layoutOf(xmlNodePtr block, const SlideBudget &budget, double space, OwnedNodes &owned)
{
    Layout layout;
    layout.kind = kindOf(block);
    switch (layout.kind) {
    case Kind::List:
        layout.frame = 0.45;
        for (xmlNodePtr child = block->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE)
                layout.units.append({{child}, BlockMeasure::itemLines(child, budget)});
        }
        break;
    case Kind::Table: {
        const QVector<xmlNodePtr> rows = TableRows::rows(block);
        const QVector<double> shares = BlockMeasure::columnShares(block);
        const int headers = TableRows::headerCount(block);
        layout.frame = 0.75;
        for (int row = 0; row < rows.size(); ++row) {
            const double lines = BlockMeasure::rowLines(rows[row], shares, budget);
            if (row < headers) {
                layout.header << rows[row];
                layout.frame += lines;
            } else {
                layout.units.append({{rows[row]}, lines});
            }
        }
        break;
    }
    case Kind::Box: {
        // A box's blocks, the items of a list in it and the sentences of a paragraph longer than a
        // slide: a callout that is one long list or paragraph splits too.
        const SlideBudget inner = BlockMeasure::boxInside(budget);
        layout.frame = BlockMeasure::boxFrame(block);
        for (xmlNodePtr child = block->children; child; child = child->next) {
            if (blankText(child))
                continue;
            if (kindOf(child) == Kind::List) {
                int item = 0;
                for (xmlNodePtr entry = child->children; entry; entry = entry->next) {
                    if (entry->type == XML_ELEMENT_NODE)
                        layout.units.append({{entry}, BlockMeasure::itemLines(entry, inner), child, item++});
                }
                if (item > 0) {
                    layout.units.last().lines += 0.45;  // the list's gap below it
                    continue;
                }
            }
            const double lines = child->type == XML_ELEMENT_NODE ? BlockMeasure::lines(child, inner)
                                                                 : BlockMeasure::textLines(HtmlDom::text(child), inner.charsPerLine);
            if (child->type == XML_ELEMENT_NODE && lines > space - layout.frame && kindOf(child) == Kind::Paragraph) {
                for (Unit sentence : sentences(child, inner, owned)) {
                    sentence.wrapper = child;
                    layout.units.append(sentence);
                }
                layout.units.last().lines += 0.45;  // the paragraph's gap below it
                continue;
            }
            layout.units.append({{child}, lines});
        }
        break;
    }
    case Kind::Paragraph:
        layout.frame = 0.45;
        layout.units = sentences(block, budget, owned);
        break;
    }
    return layout;
}

xmlNodePtr copyInto(xmlNodePtr parent, xmlNodePtr node)
{
    return xmlAddChild(parent, xmlDocCopyNode(node, parent->doc, 1));
}

// A copy of an element without its content; a numbered list's copy counts on from item
// `first` (0-based).
xmlNodePtr emptyCopy(xmlNodePtr element, int first)
{
    xmlNodePtr copy = xmlDocCopyNode(element, element->doc, 2);  // the element and its attributes
    if (HtmlDom::name(element) == QLatin1String("ol") && first > 0) {
        const int start = HtmlDom::hasAttribute(element, "start") ? HtmlDom::attribute(element, "start").toInt() : 1;
        HtmlDom::setAttribute(copy, "start", QString::number(start + first));
    }
    return copy;
}

// One part: the block's element without its content, holding units [first, end).
QString partHtml(xmlNodePtr block, const Layout &layout, qsizetype first, qsizetype end)
{
    xmlNodePtr root = emptyCopy(block, layout.kind == Kind::List ? int(first) : 0);
    xmlNodePtr into = root;
    if (layout.kind == Kind::Table) {
        for (xmlNodePtr child = block->children; child; child = child->next) {
            const QString name = HtmlDom::name(child);
            if (child->type == XML_ELEMENT_NODE && (name == QLatin1String("colgroup") || (name == QLatin1String("caption") && first == 0)))
                copyInto(root, child);
        }
        if (!layout.header.isEmpty()) {
            xmlNodePtr head = xmlAddChild(root, xmlNewDocNode(block->doc, nullptr, BAD_CAST "thead", nullptr));
            for (xmlNodePtr row : layout.header) {
                xmlNodePtr copy = copyInto(head, row);
                if (first > 0)  // drawn again, not read again: tests and handouts can tell
                    HtmlDom::addClass(copy, QStringLiteral("repeated-header"));
            }
        }
        into = xmlAddChild(root, xmlNewDocNode(block->doc, nullptr, BAD_CAST "tbody", nullptr));
    }
    xmlNodePtr openWrapper = nullptr;  // the copy of a box's list or paragraph that its parts go into
    for (qsizetype unit = first; unit < end; ++unit) {
        const Unit &part = layout.units[unit];
        xmlNodePtr parent = into;
        if (part.wrapper) {
            if (!openWrapper || layout.units[unit - 1].wrapper != part.wrapper)
                openWrapper = xmlAddChild(into, emptyCopy(part.wrapper, part.item));
            parent = openWrapper;
        }
        for (xmlNodePtr node : part.nodes)
            copyInto(parent, node);
    }
    const QString html = HtmlDom::outerHtml(root);
    xmlFreeNode(root);
    return html;
}

}  // namespace

bool BlockSplitter::isParagraph(xmlNodePtr block)
{
    return kindOf(block) == Kind::Paragraph;
}

int BlockSplitter::unitCount(xmlNodePtr block, const SlideBudget &budget, double space)
{
    OwnedNodes owned;
    return int(layoutOf(block, budget, space, owned).units.size());
}

QVector<BlockSplitter::Part> BlockSplitter::split(xmlNodePtr block, double firstSpace, double space, const SlideBudget &budget)
{
    OwnedNodes owned;
    const Layout layout = layoutOf(block, budget, space, owned);
    QVector<Part> parts;
    qsizetype first = 0;
    double used = layout.frame;
    double room = firstSpace;
    for (qsizetype unit = 0; unit < layout.units.size(); ++unit) {
        const double lines = layout.units[unit].lines;
        if (unit > first && used + lines > room) {
            parts.append({partHtml(block, layout, first, unit), used});
            first = unit;
            used = layout.frame;
            room = space;
        } else if (unit == first && parts.isEmpty() && room < space && used + lines > room) {
            parts.append(Part());  // not even one unit fits where the block was to start
            room = space;
        }
        used += lines;
    }
    if (first < layout.units.size())
        parts.append({partHtml(block, layout, first, layout.units.size()), used});
    return parts;
}
