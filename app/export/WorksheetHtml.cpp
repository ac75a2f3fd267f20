#include "WorksheetHtml.h"

#include "KwlLabels.h"
#include "ReadingCss.h"
#include "WorksheetGrid.h"
#include "WorksheetGridHtml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace {

// Black on white, 11pt text; rows never split across pages and table headers repeat.
const char *const styleSheet = R"css(
@page { size: PAGE-SIZE; margin: 18mm 16mm 20mm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: "Noto Serif", "DejaVu Serif", "Liberation Serif", serif, "Noto Color Emoji";
       font-size: 11pt; line-height: 1.4; overflow-wrap: break-word; }
h1 a, h2 a, h3 a { color: inherit; text-decoration: none; }
h1, h2, h3 { font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; }
h1 { font-size: 17pt; margin: 0 0 4mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #000; }
h2 { font-size: 13.5pt; margin: 6mm 0 3mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
.module + .module { break-before: page; page-break-before: always; }
.title-block { margin-bottom: 8mm; padding-bottom: 3mm; border-bottom: 0.75pt solid #000; }
.course { font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; font-size: 22pt; font-weight: bold; margin: 0 0 2mm; }
.meta, .scope { margin: 1mm 0; }
.blank-name { display: inline-block; width: 60mm; border-bottom: 0.75pt solid #000; }
.activity { margin-bottom: 6mm; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.prompt { margin-bottom: 3mm; }
.prompt a { color: #000; }
.prompt img { max-width: 100%; height: auto; }
.image-alt { font-style: italic; }
.prompt pre { white-space: pre-wrap; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9.5pt;
              border: 0.75pt solid #000; padding: 2mm; margin: 0 0 2mm; }
.code-language { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 8pt; font-weight: bold; text-transform: uppercase; }
.answer { border-left: 2pt solid #000; padding-left: 3mm; margin: 2mm 0; font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; }
.label { font-weight: bold; margin: 3mm 0 1mm; }
.lines { break-inside: avoid; page-break-inside: avoid; }
.lines div { height: 9mm; border-bottom: 0.5pt solid #777; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td p { margin: 0; }
td p + p { margin-top: 2mm; }
td.fixed { background: #f0f0f0; }
td.total { background: #f0f0f0; font-weight: bold; }
tr.empty td { height: 25mm; }
td.editable.unfilled { height: 10mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
)css";

// The page chrome: small grey running header and footer in the page margins. One tall
// page-less document that Chromium cuts at each page height, with every line placed at its
// page's offset: forced page breaks between sheets gave Chromium 102 a blank page after each.
const char *const chromeStyleSheet = R"css(
@page { size: PAGE-WIDTHmm PAGE-HEIGHTmm; margin: 0; }
html, body { margin: 0; padding: 0; background: transparent; }
body { position: relative; height: DOCUMENT-HEIGHTmm; overflow: hidden;
       font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; font-size: 8.5pt; color: #444; }
.running { position: absolute; left: 16mm; right: 16mm; height: 5mm; display: flex; justify-content: space-between; gap: 6mm; white-space: nowrap; }
.running span { overflow: hidden; text-overflow: ellipsis; }
.running .right { flex-shrink: 0; max-width: 60%; }
.header { border-bottom: 0.5pt solid #999; }
)css";

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// An activity's answer: the part printed on one page with the activity's headings and prompt
// (Chromium 102 ignores break-after: avoid on headings), and the rest, which may break.
struct AnswerHtml {
    QString withPrompt;
    QString rest;
};

// A table of up to this many rows keeps with its prompt; a longer one may start on the next
// page (its header repeats on each). Kept whole, a long one would push its headings to a new
// page and leave most of the page before it empty.
constexpr qsizetype keptTableRows = 6;

AnswerHtml table(const QString &before, const QString &html, qsizetype rows)
{
    return rows <= keptTableRows ? AnswerHtml{before + html, QString()} : AnswerHtml{before, html};
}

AnswerHtml kwl(const ExportItem &item)
{
    const QJsonObject value = item.answer ? item.answer->value : QJsonObject();
    const QString experience = QStringLiteral("<p class=\"label\">%1</p>\n").arg(KwlLabels::experience().toHtmlEscaped())
                             + WorksheetGridHtml::textOrLines(value.value(QLatin1String("experience")).toString(), 4);
    const qsizetype rows = value.value(QLatin1String("rows")).toArray().size();
    const QString html = WorksheetGridHtml::kwlTable(value, 5);
    if (rows == 0)  // room to write by hand, too tall to keep with the prompt
        return {experience, html};
    return table(experience, html, rows);
}

AnswerHtml worksheet(const ExportItem &item)
{
    const QJsonArray cells = item.answer ? item.answer->value.value(QLatin1String("cells")).toArray() : QJsonArray();
    return table(QString(), WorksheetGridHtml::worksheetTable(item.spec, cells), WorksheetGrid(item.spec).layout(cells.size()).size());
}

// Headings link to themselves: Chromium writes a named destination only for link targets.
QString anchoredHeading(int level, const QString &id, const QString &title)
{
    const QString tag = QStringLiteral("h%1").arg(level + 1);
    return QStringLiteral("<%1 id=\"%2\"><a href=\"#%2\">").arg(tag, id) + escaped(title) + QStringLiteral("</a></%1>\n").arg(tag);
}

QString activityId(qsizetype index)
{
    return QStringLiteral("activity-%1").arg(index + 1);
}

// A module heading (level 0), page heading (1) or activity heading (2), before item `item`.
struct Heading {
    qsizetype item;
    int level;
    QString id;
    QString title;
};

QVector<Heading> headings(const ExportDocument &doc)
{
    QVector<Heading> heads;
    int modules = 0, pages = 0;
    for (qsizetype index = 0; index < doc.items.size(); ++index) {
        const ExportItem &item = doc.items[index];
        const bool newModule = index == 0 || item.moduleId != doc.items[index - 1].moduleId;
        if (newModule)
            heads.append({index, 0, QStringLiteral("module-%1").arg(++modules), item.moduleTitle});
        if ((newModule || item.pageId != doc.items[index - 1].pageId) && !item.pageTitle.isEmpty())
            heads.append({index, 1, QStringLiteral("page-%1").arg(++pages), item.pageTitle});
        heads.append({index, 2, activityId(index), item.spec.title});
    }
    return heads;
}

// The "My notes" section's headings (in the document and the PDF outline): the section (level 0),
// a module (1) and a page (2) before note `note`.
QVector<Heading> noteHeadings(const ExportDocument &doc)
{
    QVector<Heading> heads;
    if (doc.notes.isEmpty())
        return heads;
    heads.append({0, 0, QStringLiteral("notes"), QCoreApplication::translate("ExportDocument", "My notes")});
    int modules = 0, pages = 0;
    for (qsizetype index = 0; index < doc.notes.size(); ++index) {
        const ExportNote &note = doc.notes[index];
        if (index == 0 || note.moduleId != doc.notes[index - 1].moduleId || note.moduleId.isEmpty())
            heads.append({index, 1, QStringLiteral("notes-module-%1").arg(++modules), note.moduleTitle});
        if (note.pageTitle != note.moduleTitle)  // the course home is its own "module"
            heads.append({index, 2, QStringLiteral("note-%1").arg(++pages), note.pageTitle});
    }
    return heads;
}

QString notesHtml(const ExportDocument &doc)
{
    const QVector<Heading> heads = noteHeadings(doc);
    if (heads.isEmpty())
        return {};
    QString html = QStringLiteral("<section class=\"module notes\">\n");
    auto head = heads.cbegin();
    for (qsizetype index = 0; index < doc.notes.size(); ++index) {
        html += QStringLiteral("<div class=\"note\">\n");
        for (; head != heads.cend() && head->item == index; ++head)
            html += anchoredHeading(head->level, head->id, head->title);
        html += QStringLiteral("<div class=\"answer\">") + WorksheetGridHtml::paragraphs(doc.notes[index].text)
              + QStringLiteral("</div>\n</div>\n");
    }
    return html + QStringLiteral("</section>\n");
}

QString learnerHtml(const ExportDocument &doc)
{
    return doc.learner.trimmed().isEmpty() ? QStringLiteral("<span class=\"blank-name\">&nbsp;</span>") : escaped(doc.learner.trimmed());
}

QString longDate(const ExportDocument &doc)
{
    return QLocale().toString(doc.date, QLocale::LongFormat);
}

AnswerHtml answerHtml(const ExportItem &item)
{
    switch (item.spec.kind) {
    case ActivitySpec::Kind::Kwl:
        return kwl(item);
    case ActivitySpec::Kind::Worksheet:
        return worksheet(item);
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        break;
    }
    return {WorksheetGridHtml::textOrLines(item.answer ? item.answer->value.value(QLatin1String("text")).toString() : QString(), 6), QString()};
}

}  // namespace

QString WorksheetHtml::document(const ExportDocument &doc, const QString &pageSize)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                 + escaped(doc.courseTitle) + QStringLiteral("</title>\n<style>")
                 + QString::fromLatin1(styleSheet).replace(QLatin1String("PAGE-SIZE"), pageSize) + ReadingCss::worksheet(doc.reading)
                 + QStringLiteral("</style></head>\n<body>\n");

    html += QStringLiteral("<header class=\"title-block\">\n<p class=\"course\">") + escaped(doc.courseTitle)
          + QStringLiteral("</p>\n<p class=\"meta\">Learner: ") + learnerHtml(doc) + QStringLiteral(" · ")
          + escaped(longDate(doc)) + QStringLiteral("</p>\n<p class=\"scope\">")
          + escaped(doc.scopeTitle) + QStringLiteral("</p>\n</header>\n");

    const QVector<Heading> heads = headings(doc);
    auto head = heads.cbegin();
    bool inModule = false;
    for (qsizetype index = 0; index < doc.items.size(); ++index) {
        const ExportItem &item = doc.items[index];
        // The module and page headings go in the activity's section, so that they keep with it.
        QString headings;
        for (; head != heads.cend() && head->item == index; ++head) {
            if (head->level == 0) {
                if (inModule)
                    html += QStringLiteral("</section>\n");
                html += QStringLiteral("<section class=\"module\">\n");
                inModule = true;
            }
            if (!head->title.isEmpty() || head->level == 2)
                headings += anchoredHeading(head->level, head->id, head->title);
        }
        // Headings, prompt and the answer's first part (text, ruled lines, a short table) share a
        // page. promptHtml comes sanitised from the renderer, so it goes in as it is.
        const AnswerHtml answer = answerHtml(item);
        html += QStringLiteral("<section class=\"activity\">\n<div class=\"keep\">\n") + headings
              + QStringLiteral("<div class=\"prompt\">") + item.spec.promptHtml + QStringLiteral("</div>\n") + answer.withPrompt
              + QStringLiteral("</div>\n") + answer.rest + QStringLiteral("</section>\n");
    }
    if (inModule)
        html += QStringLiteral("</section>\n");
    return html + notesHtml(doc) + QStringLiteral("</body></html>\n");
}

QVector<PdfFinisher::OutlineEntry> WorksheetHtml::outline(const ExportDocument &doc)
{
    QVector<PdfFinisher::OutlineEntry> entries;
    const QVector<Heading> heads = headings(doc) + noteHeadings(doc);
    for (const Heading &head : heads) {
        if (!head.title.isEmpty())
            entries.append({head.title, head.id.toLatin1(), head.level});
    }
    return entries;
}

QString WorksheetHtml::pageChrome(const ExportDocument &doc, QSizeF pageSizeMm, int pageCount)
{
    const auto mm = [](double value) { return QString::number(value, 'f', 2); };
    const double pageHeight = pageSizeMm.height();
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<style>")
                 + QString::fromLatin1(chromeStyleSheet)
                       .replace(QLatin1String("PAGE-WIDTH"), mm(pageSizeMm.width()))
                       .replace(QLatin1String("PAGE-HEIGHT"), mm(pageHeight))
                       // a hair short of the last page, so rounding never adds one
                       .replace(QLatin1String("DOCUMENT-HEIGHT"), mm(pageHeight * pageCount - 1))
                 + QStringLiteral("</style></head>\n<body>\n");
    const QString learner = doc.learner.trimmed();
    const QString footerLeft = escaped(learner.isEmpty() ? longDate(doc) : learner + QStringLiteral(" · ") + longDate(doc));
    for (int page = 1; page <= pageCount; ++page) {
        const double top = pageHeight * (page - 1);
        if (page > 1)  // the first page has the title block instead
            html += QStringLiteral("<div class=\"running header\" style=\"top: %1mm\"><span class=\"left\">").arg(mm(top + 8))
                  + escaped(doc.courseTitle) + QStringLiteral("</span><span class=\"right\">") + escaped(doc.scopeTitle)
                  + QStringLiteral("</span></div>\n");
        html += QStringLiteral("<div class=\"running footer\" style=\"top: %1mm\"><span class=\"left\">").arg(mm(top + pageHeight - 14))
              + footerLeft + QStringLiteral("</span><span class=\"right\">") + QStringLiteral("Page %1 of %2").arg(page).arg(pageCount)
              + QStringLiteral("</span></div>\n");
    }
    return html + QStringLiteral("</body></html>\n");
}
