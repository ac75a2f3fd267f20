#include "ActivityDetector.h"

#include "CoursePage.h"
#include "CourseUrl.h"
#include "HtmlDom.h"
#include "KwlRevisitInference.h"
#include "Slug.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {
const QSet<QString> kHeadings = {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
                                 QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6")};

bool isActivityBlock(xmlNodePtr node)
{
    return HtmlDom::name(node) == QLatin1String("div")
        && (HtmlDom::hasClass(node, QStringLiteral("activity")) || HtmlDom::hasClass(node, QStringLiteral("reflection")));
}

bool insideActivity(xmlNodePtr node)
{
    for (xmlNodePtr p = node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (isActivityBlock(p))
            return true;
    }
    return false;
}

QVector<xmlNodePtr> childElements(xmlNodePtr node)
{
    QVector<xmlNodePtr> children;
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            children.append(child);
    }
    return children;
}

// The element that titles an activity: its first heading, else a paragraph that starts
// with (or is) bold text; for a reflection, its first paragraph.
xmlNodePtr titleElement(xmlNodePtr block, bool reflection)
{
    for (xmlNodePtr child : childElements(block)) {
        const QString name = HtmlDom::name(child);
        if (kHeadings.contains(name))
            return child;
        if (name == QLatin1String("p")) {
            if (reflection)
                return child;
            const QVector<xmlNodePtr> inner = childElements(child);
            if (!inner.isEmpty() && (HtmlDom::name(inner.first()) == QLatin1String("strong") || HtmlDom::name(inner.first()) == QLatin1String("b"))
                && HtmlDom::text(child).startsWith(HtmlDom::text(inner.first())))
                return child;
        }
    }
    return nullptr;
}

QString boldTitle(xmlNodePtr title)
{
    // "**Reflect** on this and that" is titled by its bold part when the rest is the prompt.
    const QVector<xmlNodePtr> inner = childElements(title);
    if (HtmlDom::name(title) == QLatin1String("p") && !inner.isEmpty()
        && (HtmlDom::name(inner.first()) == QLatin1String("strong") || HtmlDom::name(inner.first()) == QLatin1String("b")))
        return HtmlDom::text(inner.first());
    return HtmlDom::text(title);
}

bool mentionsKwl(const QString &text)
{
    static const QRegularExpression kwl(QStringLiteral("\\bK-?W-?L\\b|\\bKnow\\b.*\\bWant\\b.*\\bLearn"),
                                        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return kwl.match(text).hasMatch();
}

// A worksheet: <table class="worksheet">, or a table with an empty body cell to fill in.
xmlNodePtr worksheetTable(xmlNodePtr block)
{
    xmlNodePtr withEmptyCell = nullptr;
    for (xmlNodePtr node : HtmlDom::elements(block)) {
        if (HtmlDom::name(node) != QLatin1String("table"))
            continue;
        if (HtmlDom::hasClass(node, QStringLiteral("worksheet")) || HtmlDom::hasClass(node, QStringLiteral("worksheet-noborder")))
            return node;
        if (!withEmptyCell) {
            for (xmlNodePtr cell : HtmlDom::elements(node)) {
                if (HtmlDom::name(cell) == QLatin1String("td") && HtmlDom::text(cell).isEmpty()) {
                    withEmptyCell = node;
                    break;
                }
            }
        }
    }
    return withEmptyCell;
}

// The text of a table's first row: the headers that name its columns.
QString headerText(xmlNodePtr table)
{
    for (xmlNodePtr node : HtmlDom::elements(table)) {
        if (HtmlDom::name(node) != QLatin1String("tr"))
            continue;
        QStringList headers;
        for (xmlNodePtr cell : childElements(node))
            headers << HtmlDom::text(cell);
        return headers.join(QStringLiteral(" | "));
    }
    return QString();
}

// Section 4's kinds, for a block that does not declare one. A reflection holding a worksheet
// table is that worksheet, or a KWL when its title or the table's headers say so ("What do
// you already know…", "…want to learn…", "What did you learn…").
ActivitySpec::Kind detectedKind(xmlNodePtr block, const QString &title, bool reflection, xmlNodePtr table)
{
    using Kind = ActivitySpec::Kind;
    if (reflection && table)
        return mentionsKwl(title) || mentionsKwl(headerText(table)) ? Kind::Kwl : Kind::Worksheet;
    if (reflection)
        return Kind::Reflection;
    if (mentionsKwl(title) || mentionsKwl(HtmlDom::text(block)))
        return Kind::Kwl;
    return table ? Kind::Worksheet : Kind::Response;
}

void readWorksheet(xmlNodePtr table, ActivitySpec *spec)
{
    QVector<xmlNodePtr> rows;
    for (xmlNodePtr node : HtmlDom::elements(table)) {
        if (HtmlDom::name(node) == QLatin1String("tr"))
            rows.append(node);
    }
    for (xmlNodePtr row : rows) {
        const QVector<xmlNodePtr> cells = childElements(row);
        const bool headerRow = std::all_of(cells.begin(), cells.end(), [](xmlNodePtr c) { return HtmlDom::name(c) == QLatin1String("th"); });
        if (headerRow && spec->columns.isEmpty() && spec->rows.isEmpty()) {
            for (xmlNodePtr cell : cells)
                spec->columns << HtmlDom::text(cell);
            continue;
        }
        QVector<WorksheetCell> line;
        const bool totalRow = !cells.isEmpty() && HtmlDom::text(cells.first()).compare(QLatin1String("Total"), Qt::CaseInsensitive) == 0;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            WorksheetCell cell;
            const QString text = HtmlDom::text(cells[i]);
            const QStringList choices = ActivityDetector::ratingChoices(text);
            if (totalRow && i > 0) {
                cell.type = WorksheetCell::Type::Total;
            } else if (text.isEmpty()) {
                cell.type = WorksheetCell::Type::Editable;
            } else if (!choices.isEmpty() && HtmlDom::name(cells[i]) == QLatin1String("td")) {
                cell.type = WorksheetCell::Type::Rating;
                cell.choices = choices;
            } else {
                cell.text = text;
            }
            // colspan: the cell stands for several columns of the grid.
            const int span = qMax(1, HtmlDom::attribute(cells[i], "colspan").toInt());
            for (int s = 0; s < span; ++s)
                line.append(s == 0 ? cell : WorksheetCell{WorksheetCell::Type::Fixed, QString(), {}});
        }
        spec->rows.append(line);
    }
    if (!spec->rows.isEmpty()) {
        const QVector<WorksheetCell> &last = spec->rows.last();
        spec->canAddRows = std::all_of(last.begin(), last.end(), [](const WorksheetCell &c) {
            return c.type == WorksheetCell::Type::Editable;
        });
    }
    // Every row as wide as the widest, so the grid is rectangular.
    qsizetype width = spec->columns.size();
    for (const auto &row : spec->rows)
        width = qMax(width, row.size());
    while (spec->columns.size() < width)
        spec->columns << QString();
    for (auto &row : spec->rows) {
        const bool totalRow = !row.isEmpty() && row.first().text.compare(QLatin1String("Total"), Qt::CaseInsensitive) == 0;
        while (row.size() < width)
            row.append(WorksheetCell{totalRow ? WorksheetCell::Type::Total : WorksheetCell::Type::Editable, QString(), {}});
    }
}

// The page's scale legend for the worksheet's ratings, if it has one: table cells or list
// items outside the worksheet that read "1: Not yet" (or "1 = Not yet", "1 – Not yet").
QMap<QString, QString> legendLabels(xmlNodePtr body, xmlNodePtr worksheet, const ActivitySpec &spec)
{
    QSet<QString> choices;
    for (const auto &row : spec.rows) {
        for (const WorksheetCell &cell : row)
            choices.unite(QSet<QString>(cell.choices.cbegin(), cell.choices.cend()));
    }
    QMap<QString, QString> labels;
    if (choices.isEmpty())
        return labels;
    static const QRegularExpression entry(QStringLiteral("^(\\S{1,8}?)\\s*[:=\\x{2013}\\x{2014}-]\\s*(\\S.{0,39})$"));
    const QVector<xmlNodePtr> inWorksheet = HtmlDom::elements(worksheet);
    const QStringList legendTags = {QStringLiteral("th"), QStringLiteral("td"), QStringLiteral("li"), QStringLiteral("dt")};
    for (xmlNodePtr node : HtmlDom::elements(body)) {
        if (!legendTags.contains(HtmlDom::name(node)) || inWorksheet.contains(node))
            continue;
        const QRegularExpressionMatch match = entry.match(HtmlDom::text(node));
        if (match.hasMatch() && choices.contains(match.captured(1)) && !labels.contains(match.captured(1)))
            labels.insert(match.captured(1), match.captured(2));
    }
    return labels;
}

xmlNodePtr makeCard(HtmlDom &dom, const ActivitySpec &spec)
{
    xmlNodePtr card = dom.createElement("div", QStringLiteral("activity-card"));
    HtmlDom::setAttribute(card, "data-activity-id", spec.id);
    HtmlDom::setAttribute(card, "data-kind", ActivitySpec::kindName(spec.kind));
    HtmlDom::setAttribute(card, "role", QStringLiteral("group"));
    HtmlDom::setAttribute(card, "aria-label", QStringLiteral("Workbook: ") + spec.title);
    xmlAddChild(card, dom.createElement("span", QStringLiteral("activity-card-title"), spec.title));
    HtmlDom::appendText(card, QStringLiteral(" "));
    xmlNodePtr state = dom.createElement("span", QStringLiteral("activity-state state-not-started"), QStringLiteral("Not started"));
    HtmlDom::setAttribute(state, "role", QStringLiteral("status"));
    xmlAddChild(card, state);
    HtmlDom::appendText(card, QStringLiteral(" "));
    xmlAddChild(card, dom.createElement("span", QStringLiteral("activity-updated")));
    HtmlDom::appendText(card, QStringLiteral(" "));
    xmlNodePtr exportLink = dom.createElement("a", QStringLiteral("activity-export"), QStringLiteral("Export…"));
    QUrl exportUrl = CourseUrl::activity(spec.id);
    exportUrl.setQuery(QStringLiteral("export"));
    HtmlDom::setAttribute(exportLink, "href", exportUrl.toString(QUrl::FullyEncoded));
    HtmlDom::setAttribute(exportLink, "title", QStringLiteral("Export this activity as a DOCX or PDF worksheet"));
    xmlAddChild(card, exportLink);
    HtmlDom::appendText(card, QStringLiteral(" "));
    xmlNodePtr open = dom.createElement("a", QStringLiteral("activity-open"), QStringLiteral("Open in workbook"));
    HtmlDom::setAttribute(open, "href", CourseUrl::activity(spec.id).toString(QUrl::FullyEncoded));
    xmlAddChild(card, open);
    return card;
}
}  // namespace

QStringList ActivityDetector::ratingChoices(const QString &cellText)
{
    const QString text = cellText.simplified();
    if (text.isEmpty() || text.size() > 60)
        return {};
    QStringList parts;
    if (text.contains(QLatin1Char('/'))) {
        for (const QString &part : text.split(QLatin1Char('/')))
            parts << part.trimmed();
        const bool shortWords = std::all_of(parts.begin(), parts.end(), [](const QString &p) { return !p.isEmpty() && p.size() <= 20; });
        return parts.size() >= 2 && parts.size() <= 5 && shortWords ? parts : QStringList();
    }
    // Space-separated, only when no token is a word: emoji, symbols or numbers ("1 2 3 4 5").
    parts = text.split(QLatin1Char(' '));
    const bool noWords = std::all_of(parts.begin(), parts.end(), [](const QString &p) {
        return std::none_of(p.begin(), p.end(), [](QChar c) { return c.isLetter(); });
    });
    return parts.size() >= 2 && parts.size() <= 5 && noWords ? parts : QStringList();
}

QVector<ActivitySpec> ActivityDetector::detect(HtmlDom &dom, const CoursePage &page, KwlRevisitInference &kwlReturns)
{
    QVector<ActivitySpec> found;
    QSet<QString> usedIds;
    for (xmlNodePtr block : HtmlDom::elements(dom.body())) {
        if (!dom.contains(block) || !isActivityBlock(block) || insideActivity(block))
            continue;
        const bool reflection = HtmlDom::hasClass(block, QStringLiteral("reflection"))
                             && !HtmlDom::hasClass(block, QStringLiteral("activity"));
        ActivitySpec spec;
        spec.pageId = page.id;
        spec.moduleId = page.moduleId;
        xmlNodePtr title = titleElement(block, reflection);
        spec.title = title ? boldTitle(title) : QString();
        if (spec.title.isEmpty())
            spec.title = reflection ? QStringLiteral("Reflection") : QStringLiteral("Activity");

        xmlNodePtr table = worksheetTable(block);
        const QString declared = HtmlDom::attribute(block, "data-kind").trimmed().toLower();
        if (!ActivitySpec::kindFromName(declared, &spec.kind))
            spec.kind = detectedKind(block, spec.title, reflection, table);
        if (spec.kind == ActivitySpec::Kind::Worksheet && table) {
            readWorksheet(table, &spec);
            spec.choiceLabels = legendLabels(dom.body(), table, spec);
        }

        // Stable ids: the author's, else module/page#title, numbered when a title repeats.
        // A revisit takes the id of the activity it returns to: named by data-revisit, else
        // inferred for a block with no id of its own and no grid to fill in.
        const QString blockText = HtmlDom::text(block);
        QString revisited = HtmlDom::attribute(block, "data-revisit").trimmed();
        QString id = HtmlDom::attribute(block, "id").trimmed();
        if (revisited.isEmpty() && id.isEmpty() && !table) {
            if (const auto kwl = kwlReturns.returnTarget(spec.title, blockText)) {
                revisited = kwl->id;
                spec.kind = ActivitySpec::Kind::Kwl;
            }
        }
        spec.revisit = !revisited.isEmpty();
        if (spec.revisit)
            id = revisited;
        if (id.isEmpty()) {
            const QString base = page.moduleId + QLatin1Char('/') + page.slug + QLatin1Char('#')
                               + (Slug::fromText(spec.title).isEmpty() ? QStringLiteral("activity") : Slug::fromText(spec.title));
            id = base;
            for (int n = 2; usedIds.contains(id); ++n)
                id = base + QLatin1Char('-') + QString::number(n);
        }
        spec.id = id;
        usedIds.insert(id);
        if (spec.kind == ActivitySpec::Kind::Kwl && !spec.revisit)
            kwlReturns.addKwl(spec, blockText, page.relativePath);

        // The prompt is the block without its title, the worksheet grid (the editor shows
        // it), the presenter's notes, and an online KWL widget the workbook replaces.
        QString promptHtml, promptText;
        for (xmlNodePtr child : childElements(block)) {
            if (child == title || child == table || HtmlDom::hasClass(child, QStringLiteral("facilitator-notes")))
                continue;
            if (spec.kind == ActivitySpec::Kind::Kwl && HtmlDom::hasClass(child, QStringLiteral("interactive-card"))) {
                dom.remove(child);
                continue;
            }
            if (table && HtmlDom::elements(child).contains(table))
                continue;
            promptHtml += HtmlDom::outerHtml(child);
            const QString text = HtmlDom::text(child);
            if (!text.isEmpty())
                promptText += (promptText.isEmpty() ? QString() : QStringLiteral("\n\n")) + text;
        }
        spec.promptHtml = promptHtml.trimmed();
        spec.promptText = promptText;
        xmlAddChild(block, makeCard(dom, spec));
        found.append(spec);
    }
    return found;
}
