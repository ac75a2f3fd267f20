#include "SlideDeck.h"

#include "BlockMeasure.h"
#include "BlockSplitter.h"
#include "PageSections.h"
#include "SlideDocument.h"
#include "TableRows.h"

#include <QHash>

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

void appendActivity(const Slide &base, const ActivitySpec &spec, const SlideBudget &budget, QVector<Slide> &out);

// Fills one section's slides, block by block: a block that does not fit what is left of
// the slide goes to the next one, or is split when it is long.
class SectionSlides
{
public:
    SectionSlides(const Slide &prototype, const SlideBudget &budget, QVector<Slide> &out)
        : m_prototype(prototype)
        , m_budget(budget)
        , m_space(bodySpace(prototype.heading, budget))
        , m_out(out)
    {
    }

    void add(xmlNodePtr block)
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

    void addActivity(const Slide &base, const ActivitySpec &spec)
    {
        flush();
        appendActivity(base, spec, m_budget, m_out);
        ++m_parts;
    }

    // The section's last slide; a section of nothing but its heading gets one too.
    void finish(bool headingOnlyIsASlide)
    {
        if (m_parts == 0 && m_body.isEmpty() && headingOnlyIsASlide)
            m_out.append(m_prototype);
        flush();
    }

private:
    void append(const QString &html, double lines)
    {
        m_body += html + QLatin1Char('\n');
        m_used += lines;
    }

    void flush()
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

    const Slide &m_prototype;
    const SlideBudget &m_budget;
    const double m_space;
    QVector<Slide> &m_out;
    QString m_body;
    double m_used = 0;
    int m_parts = 0;
};

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

// An activity: its prompt and its empty grid on one slide. A prompt too long to share a
// slide with the grid goes on slides of its own before it; a grid too tall for one slide
// goes on as many as its rows need, its header on each.
void appendActivity(const Slide &base, const ActivitySpec &spec, const SlideBudget &budget, QVector<Slide> &out)
{
    Slide activity = base;
    activity.kind = Slide::Kind::Activity;
    activity.activityId = spec.id;
    activity.heading = spec.title;
    const HtmlDom prompt(PageSections::withoutNotes(spec.promptHtml));
    const HtmlDom grid(SlideDocument::gridHtml(spec, std::nullopt));
    const SlideBudget gridBudget{budget.lines, int(budget.charsPerLine / SlideBudget::kGridScale)};
    const double space = bodySpace(spec.title, budget);
    const double promptLines = fragmentLines(prompt, budget);
    if (promptLines + fragmentLines(grid, gridBudget) * SlideBudget::kGridScale <= space) {
        activity.bodyHtml = prompt.bodyHtml();
        out.append(activity);
        return;
    }
    double room = space;
    if (promptLines <= space / 3) {  // a short prompt stays with the grid's first rows
        activity.bodyHtml = prompt.bodyHtml();
        room -= promptLines;
    } else {
        Slide promptSlide = base;
        promptSlide.heading = spec.title;
        SectionSlides fill(promptSlide, budget, out);
        for (xmlNodePtr child = prompt.body()->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE)
                fill.add(child);
        }
        fill.finish(false);
        activity.continued = true;
    }
    const GridRows rows = gridRows(grid, budget);
    int first = 0;
    double used = rows.header;
    for (int row = 0; row < rows.body.size(); ++row) {
        if (row > first && used + rows.body[row] > room) {
            Slide part = activity;
            part.gridFirstRow = first;
            part.gridRowCount = row - first;
            out.append(part);
            activity.bodyHtml.clear();
            activity.continued = true;
            room = space;
            first = row;
            used = rows.header;
        }
        used += rows.body[row];
    }
    activity.gridFirstRow = first;
    out.append(activity);
}

}  // namespace

QVector<Slide> SlideDeck::forPage(const RenderedPage &page, const QString &moduleTitle, const SlideBudget &budget)
{
    const PageSections sections(page.bodyHtml);
    QHash<QString, const ActivitySpec *> activities;
    for (const ActivitySpec &spec : page.activities)
        activities.insert(spec.id, &spec);

    Slide base;
    base.moduleTitle = moduleTitle;
    base.pageId = page.pageId;
    base.pageTitle = page.title;
    base.notesHtml = sections.notesHtml();

    QVector<Slide> slides;
    Slide title = base;
    title.kind = Slide::Kind::Title;
    title.heading = page.title;
    slides.append(title);

    for (const PageSections::Section &section : sections.sections()) {
        Slide prototype = base;
        prototype.heading = section.heading.isEmpty() ? page.title : section.heading;
        SectionSlides fill(prototype, budget, slides);
        bool onlyActivities = !section.blocks.isEmpty();
        for (xmlNodePtr block : section.blocks) {
            // The renderer gives every activity card its spec.
            if (const ActivitySpec *spec = activities.value(sections.activityIn(block))) {
                fill.addActivity(base, *spec);
                continue;
            }
            onlyActivities = false;
            fill.add(block);
        }
        fill.finish(!onlyActivities);
    }
    return slides;
}

SlideDeck SlideDeck::forModule(const Course &course, const QString &moduleId, const PageRenderer::Options &options,
                               const SlideBudget &budget)
{
    SlideDeck deck;
    const CourseModule *module = course.findModule(moduleId);
    if (!module)
        return deck;
    deck.m_moduleId = module->id;
    deck.m_moduleTitle = module->title;
    const PageRenderer renderer(course, options);
    for (const CoursePage &page : module->pages) {
        QVector<Slide> slides = forPage(renderer.render(page), module->title, budget);
        for (Slide &slide : slides)
            slide.moduleId = module->id;
        deck.m_slides += slides;
    }
    return deck;
}

int SlideDeck::firstSlideOf(const QString &pageId) const
{
    for (int index = 0; index < count(); ++index) {
        if (m_slides[index].pageId == pageId)
            return index;
    }
    return -1;
}

int SlideDeck::matching(const Slide &slide) const
{
    for (int index = 0; index < count(); ++index) {
        const Slide &candidate = m_slides[index];
        if (candidate.pageId == slide.pageId && candidate.kind == slide.kind && candidate.heading == slide.heading
            && candidate.activityId == slide.activityId)
            return index;
    }
    return std::max(0, firstSlideOf(slide.pageId));
}
