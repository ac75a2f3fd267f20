#include "SectionSlides.h"

#include "BlockMeasure.h"
#include "BlockSplitter.h"
#include "HtmlDom.h"
#include "PageSections.h"
#include "SlideDocument.h"
#include "TableRows.h"

namespace {

// Lists and tables of this many items or more are split to fill a slide rather than moved
// whole to the next one; a paragraph is split only when it alone is longer than a slide.
constexpr int kLongBlockUnits = 4;

// The body lines of a slide under this heading: a heading too long for one line (the budget
// counts one) takes the room of its further lines. Counted with "(continued)" after it.
double bodySpace(const QString &heading, const SlideBudget &budget)
{
    constexpr int kContinuedMarker = 12;
    const double headingLines = BlockMeasure::textLines(heading + QString(kContinuedMarker, QLatin1Char('x')),
                                                        budget.charsPerLine / SlideBudget::kHeadingScale);
    const double extra = std::max(0.0, headingLines - 1) * SlideBudget::kHeadingScale * SlideBudget::kHeadingLineHeight / SlideBudget::kLineHeight;
    return std::max(3.0, budget.lines - extra);
}

// The lines a fragment's blocks take.
double fragmentLines(const HtmlDom &dom, const SlideBudget &budget)
{
    double lines = 0;
    for (xmlNodePtr child = dom.body()->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            lines += BlockMeasure::lines(child, budget);
    }
    return lines;
}

// The lines each body row of a grid's table takes, and its header rows together.
struct GridRows {
    QVector<double> body;
    double header = 0;
};

GridRows gridRows(const HtmlDom &grid, const SlideBudget &budget)
{
    // The grid's type is smaller than the body's: measured at its size, counted in body lines.
    const SlideBudget gridBudget{budget.lines, int(budget.charsPerLine / SlideBudget::kGridScale)};
    GridRows rows;
    for (xmlNodePtr table : HtmlDom::elements(grid.body())) {
        if (HtmlDom::name(table) != QLatin1String("table"))
            continue;
        const QVector<xmlNodePtr> all = TableRows::rows(table);
        const int headers = TableRows::headerCount(table);
        const QVector<double> shares = BlockMeasure::columnShares(table);
        rows.header = 0.75;
        for (int row = 0; row < all.size(); ++row) {
            const double lines = BlockMeasure::rowLines(all[row], shares, gridBudget) * SlideBudget::kGridScale;
            if (row < headers)
                rows.header += lines;
            else
                rows.body << lines;
        }
        break;
    }
    return rows;
}

}  // namespace

SectionSlides::SectionSlides(const Slide &prototype, const SlideBudget &budget, QVector<Slide> &out)
    : m_prototype(prototype)
    , m_budget(budget)
    , m_space(bodySpace(prototype.heading, budget))
    , m_out(out)
{
}

void SectionSlides::add(xmlNodePtr block)
{
    const double space = m_space;
    const double lines = BlockMeasure::lines(block, m_budget);
    if (m_used + lines <= space) {
        append(HtmlDom::outerHtml(block), lines);
        return;
    }
    const int units = BlockSplitter::unitCount(block, m_budget, space);
    const bool split = units > 1 && (lines > space || (!BlockSplitter::isParagraph(block) && units >= kLongBlockUnits));
    if (!split) {
        flush();
        append(HtmlDom::outerHtml(block), lines);
        return;
    }
    const QVector<BlockSplitter::Part> parts = BlockSplitter::split(block, m_used > 0 ? space - m_used : space, space, m_budget);
    for (qsizetype part = 0; part < parts.size(); ++part) {
        if (part > 0 || parts[part].html.isEmpty())
            flush();
        if (!parts[part].html.isEmpty())
            append(parts[part].html, parts[part].lines);
    }
}

// An activity: its prompt and its empty grid on one slide. A prompt too long to share a
// slide with the grid goes on slides of its own before it; a grid too tall for one slide
// goes on as many as its rows need, its header on each.
void SectionSlides::addActivity(const ActivitySpec &spec)
{
    flush();
    ++m_parts;
    Slide activity = m_prototype;
    activity.kind = Slide::Kind::Activity;
    activity.activityId = spec.id;
    activity.heading = spec.title;
    const HtmlDom prompt(PageSections::withoutNotes(spec.promptHtml));
    const HtmlDom grid(SlideDocument::gridHtml(spec, std::nullopt));
    const SlideBudget gridBudget{m_budget.lines, int(m_budget.charsPerLine / SlideBudget::kGridScale)};
    const double space = bodySpace(spec.title, m_budget);
    const double promptLines = fragmentLines(prompt, m_budget);
    if (promptLines + fragmentLines(grid, gridBudget) * SlideBudget::kGridScale <= space) {
        activity.bodyHtml = prompt.bodyHtml();
        m_out.append(activity);
        return;
    }
    double room = space;
    if (promptLines <= space / 3) {  // a short prompt stays with the grid's first rows
        activity.bodyHtml = prompt.bodyHtml();
        room -= promptLines;
    } else {
        Slide promptSlide = m_prototype;
        promptSlide.heading = spec.title;
        SectionSlides fill(promptSlide, m_budget, m_out);
        for (xmlNodePtr child = prompt.body()->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE)
                fill.add(child);
        }
        fill.finish(false);
        activity.continued = true;
    }
    const GridRows rows = gridRows(grid, m_budget);
    int first = 0;
    double used = rows.header;
    for (int row = 0; row < rows.body.size(); ++row) {
        if (row > first && used + rows.body[row] > room) {
            Slide part = activity;
            part.gridFirstRow = first;
            part.gridRowCount = row - first;
            m_out.append(part);
            activity.bodyHtml.clear();
            activity.continued = true;
            room = space;
            first = row;
            used = rows.header;
        }
        used += rows.body[row];
    }
    activity.gridFirstRow = first;
    m_out.append(activity);
}

void SectionSlides::finish(bool headingOnlyIsASlide)
{
    if (m_parts == 0 && m_body.isEmpty() && headingOnlyIsASlide)
        m_out.append(m_prototype);
    flush();
}

void SectionSlides::append(const QString &html, double lines)
{
    m_body += html + QLatin1Char('\n');
    m_used += lines;
}

void SectionSlides::flush()
{
    if (m_body.isEmpty())
        return;
    Slide slide = m_prototype;
    slide.bodyHtml = m_body;
    slide.continued = m_parts > 0;
    m_out.append(slide);
    ++m_parts;
    m_body.clear();
    m_used = 0;
}
