#include "BlockMeasure.h"

#include "HtmlDom.h"
#include "TableRows.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace {
// Vertical space between blocks, what a box's frame (a callout's label and padding, in the
// page style sheet) adds, and a video or embed card.
constexpr double kBlockGap = 0.45;
constexpr double kBoxFrameLines = 2.8;
constexpr double kEmbedCard = 5;
// Word wrap leaves about half a word of every line empty.
constexpr double kWrapLoss = 3;
// An image: the slide style sheet caps it at 36% of the screen's height, so two fit a slide.
constexpr double kImageShare = 0.45;

bool isHeading(const QString &name)
{
    return name.size() == 2 && name.at(0) == QLatin1Char('h') && name.at(1) >= QLatin1Char('1') && name.at(1) <= QLatin1Char('6');
}

// Text with its line breaks, as <pre> shows it.
QString rawText(xmlNodePtr element)
{
    xmlChar *content = xmlNodeGetContent(element);
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(content));
    xmlFree(content);
    return text;
}

QVector<xmlNodePtr> childElements(xmlNodePtr parent)
{
    QVector<xmlNodePtr> children;
    for (xmlNodePtr child = parent->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            children << child;
    }
    return children;
}
}  // namespace

bool BlockMeasure::isBox(xmlNodePtr element)
{
    static const QSet<QString> boxes = {QStringLiteral("div"), QStringLiteral("blockquote"), QStringLiteral("aside"),
                                        QStringLiteral("section"), QStringLiteral("details")};
    return boxes.contains(HtmlDom::name(element)) && !childElements(element).isEmpty();
}

double BlockMeasure::boxFrame(xmlNodePtr box)
{
    // The page style sheet frames these with a label and padding (.callout and its kin).
    static const QStringList framed = {QStringLiteral("callout"), QStringLiteral("case_study_box"), QStringLiteral("reflection")};
    const QStringList classes = HtmlDom::classes(box);
    const bool hasFrame = std::any_of(framed.begin(), framed.end(), [&](const QString &name) { return classes.contains(name); });
    return hasFrame ? kBoxFrameLines : kBlockGap;
}

SlideBudget BlockMeasure::boxInside(const SlideBudget &budget)
{
    return SlideBudget{budget.lines, int(budget.charsPerLine * 0.88)};
}

double BlockMeasure::textLines(const QString &text, double charsPerLine)
{
    return text.isEmpty() ? 0 : std::ceil(double(text.size()) / std::max(charsPerLine - kWrapLoss, 4.0));
}

double BlockMeasure::imageLines(xmlNodePtr element, const SlideBudget &budget)
{
    int images = HtmlDom::name(element) == QLatin1String("img") ? 1 : 0;
    for (xmlNodePtr inner : HtmlDom::elements(element))
        images += HtmlDom::name(inner) == QLatin1String("img") ? 1 : 0;
    return images * budget.lines * kImageShare;
}

double BlockMeasure::itemLines(xmlNodePtr item, const SlideBudget &budget)
{
    return textLines(HtmlDom::text(item), budget.charsPerLine - 3) + 0.2 + imageLines(item, budget);
}

QVector<double> BlockMeasure::columnShares(xmlNodePtr table)
{
    // A browser gives a column room by its longest text, though not all of it: each column's
    // share is half by its longest text and half an equal part.
    constexpr double kNarrowest = 8;
    QVector<double> longest;
    for (xmlNodePtr row : TableRows::rows(table)) {
        int column = 0;
        for (xmlNodePtr cell : childElements(row)) {
            const int span = std::max(1, HtmlDom::attribute(cell, "colspan").toInt());
            if (longest.size() < column + span)
                longest.resize(column + span, kNarrowest);
            if (span == 1)
                longest[column] = std::max(longest[column], double(HtmlDom::text(cell).size()));
            column += span;
        }
    }
    if (longest.isEmpty())
        longest << kNarrowest;
    double total = 0;
    for (const double weight : std::as_const(longest))
        total += weight;
    for (double &weight : longest)
        weight = 0.5 * weight / total + 0.5 / double(longest.size());
    return longest;
}

double BlockMeasure::rowLines(xmlNodePtr row, const QVector<double> &shares, const SlideBudget &budget)
{
    // Table text is drawn a little smaller, in columns sharing the width, with cell padding.
    double tallest = 1;
    int column = 0;
    for (xmlNodePtr cell : childElements(row)) {
        const int span = std::max(1, HtmlDom::attribute(cell, "colspan").toInt());
        double share = 0;
        for (int spanned = column; spanned < column + span; ++spanned)
            share += shares.value(spanned, 1.0 / std::max<qsizetype>(1, shares.size()));
        column += span;
        const double width = std::max(6.0, budget.charsPerLine * 1.1 * share - 2);
        tallest = std::max(tallest, 0.9 * textLines(HtmlDom::text(cell), width) + imageLines(cell, budget));
    }
    return tallest + 0.45;
}

double BlockMeasure::lines(xmlNodePtr element, const SlideBudget &budget)
{
    const QString name = HtmlDom::name(element);
    if (isHeading(name))
        return 1.3 * textLines(HtmlDom::text(element), budget.charsPerLine / 1.3) + 0.7;
    if (name == QLatin1String("ul") || name == QLatin1String("ol")) {
        double sum = kBlockGap;
        for (xmlNodePtr item : childElements(element))
            sum += itemLines(item, budget);
        return sum;
    }
    if (name == QLatin1String("table")) {
        const QVector<double> shares = columnShares(element);
        double sum = kBlockGap + 0.3;
        for (xmlNodePtr row : TableRows::rows(element))
            sum += rowLines(row, shares, budget);
        return sum;
    }
    if (name == QLatin1String("figure") && HtmlDom::hasClass(element, QStringLiteral("embed-card")))
        return kEmbedCard;
    if (name == QLatin1String("pre")) {
        // Code wraps its long lines (style.css), at 0.9 of the body's size in characters a
        // little wider than the body's average.
        const double perLine = std::max(10.0, budget.charsPerLine * 0.9);
        double sum = 1;
        for (const QString &line : rawText(element).trimmed().split(QLatin1Char('\n')))
            sum += 0.9 * std::max(1.0, std::ceil(line.size() / perLine));
        return sum;
    }
    if (name == QLatin1String("hr"))
        return 1;
    if (isBox(element)) {
        // A callout's frame narrows its text.
        const SlideBudget inner = boxInside(budget);
        double sum = boxFrame(element);
        for (xmlNodePtr child : childElements(element))
            sum += lines(child, inner);
        return sum;
    }
    return textLines(HtmlDom::text(element), budget.charsPerLine) + kBlockGap + imageLines(element, budget);
}
