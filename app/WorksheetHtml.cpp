#include "WorksheetHtml.h"

#include "WorksheetGrid.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace {

using Type = WorksheetCell::Type;

// Black on white, 11pt text; rows never split across pages and table headers repeat.
const char *const styleSheet = R"css(
@page { size: PAGE-SIZE; margin: 18mm 16mm 20mm; }
html { background: #fff; color: #000; }
body { margin: 0; font-family: "Noto Serif", "DejaVu Serif", "Liberation Serif", serif, "Noto Color Emoji";
       font-size: 11pt; line-height: 1.4; overflow-wrap: break-word; }
h1, h2, h3 { font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 4mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #000; }
h2 { font-size: 13.5pt; margin: 6mm 0 3mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
.module + .module { break-before: page; page-break-before: always; }
.title-block { margin-bottom: 8mm; padding-bottom: 3mm; border-bottom: 0.75pt solid #000; }
.course { font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; font-size: 22pt; font-weight: bold; margin: 0 0 2mm; }
.meta, .scope { margin: 1mm 0; }
.blank-name { display: inline-block; width: 60mm; border-bottom: 0.75pt solid #000; }
.activity { margin-bottom: 6mm; }
.prompt { margin-bottom: 3mm; }
.prompt a { color: #000; }
.answer { border-left: 2pt solid #000; padding-left: 3mm; margin: 2mm 0; font-family: "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; }
.label { font-weight: bold; margin: 3mm 0 1mm; }
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

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// Paragraphs at blank lines, line breaks kept inside them.
QString paragraphs(const QString &text)
{
    QString html;
    const QStringList parts = text.trimmed().split(QRegularExpression(QStringLiteral("\\n\\s*\\n")), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        html += QStringLiteral("<p>") + escaped(part.trimmed()).replace(QLatin1Char('\n'), QLatin1String("<br>")) + QStringLiteral("</p>\n");
    return html;
}

QString ruledLines(int count)
{
    return QStringLiteral("<div class=\"lines\">") + QStringLiteral("<div></div>").repeated(count) + QStringLiteral("</div>\n");
}

// Text, or ruled lines to write on when there is none.
QString textOrLines(const QString &text, int lines)
{
    return text.trimmed().isEmpty() ? ruledLines(lines) : QStringLiteral("<div class=\"answer\">") + paragraphs(text) + QStringLiteral("</div>\n");
}

QString kwl(const ExportItem &item)
{
    const QJsonObject value = item.answer ? item.answer->value : QJsonObject();
    QString html = QStringLiteral("<p class=\"label\">What I already know from experience</p>\n")
                 + textOrLines(value.value(QLatin1String("experience")).toString(), 4);
    html += QStringLiteral("<table class=\"kwl\"><colgroup><col style=\"width:33%\"><col style=\"width:34%\"><col style=\"width:33%\"></colgroup>"
                           "<thead><tr><th>Know</th><th>Want to learn</th><th>Learned</th></tr></thead>\n<tbody>\n");
    const QJsonArray rows = value.value(QLatin1String("rows")).toArray();
    for (const QJsonValue &row : rows) {
        const QJsonObject cells = row.toObject();
        html += QStringLiteral("<tr>");
        for (const char *key : {"know", "want", "learned"})
            html += QStringLiteral("<td>") + paragraphs(cells.value(QLatin1String(key)).toString()) + QStringLiteral("</td>");
        html += QStringLiteral("</tr>\n");
    }
    if (rows.isEmpty())  // room to write by hand
        html += QStringLiteral("<tr class=\"empty\"><td></td><td></td><td></td></tr>\n").repeated(5);
    return html + QStringLiteral("</tbody></table>\n");
}

QString worksheet(const ExportItem &item)
{
    const ActivitySpec &spec = item.spec;
    const QJsonArray cells = item.answer ? item.answer->value.value(QLatin1String("cells")).toArray() : QJsonArray();
    const WorksheetGrid grid(spec);
    const qsizetype columns = grid.columnCount();
    const QVector<QVector<WorksheetCell>> layout = grid.layout(cells.size());
    const QVector<QVector<QString>> shown = grid.shown(cells);

    QString html = QStringLiteral("<table class=\"worksheet\">\n");
    if (!spec.columns.isEmpty()) {
        html += QStringLiteral("<thead><tr>");
        for (qsizetype column = 0; column < columns; ++column)
            html += QStringLiteral("<th>") + escaped(spec.columns.value(column)) + QStringLiteral("</th>");
        html += QStringLiteral("</tr></thead>\n");
    }
    html += QStringLiteral("<tbody>\n");
    for (qsizetype row = 0; row < layout.size(); ++row) {
        html += QStringLiteral("<tr>");
        for (qsizetype column = 0; column < columns; ++column) {
            const WorksheetCell &cell = layout[row][column];
            const QString &text = shown[row][column];
            switch (cell.type) {
            case Type::Fixed:
                html += QStringLiteral("<td class=\"fixed\">") + paragraphs(text) + QStringLiteral("</td>");
                break;
            case Type::Editable:
                html += text.trimmed().isEmpty() ? QStringLiteral("<td class=\"editable unfilled\"></td>")
                                                 : QStringLiteral("<td class=\"editable\">") + paragraphs(text) + QStringLiteral("</td>");
                break;
            case Type::Rating:
                if (text.isEmpty()) {  // the choices, to tick by hand
                    QStringList boxes;
                    for (const QString &choice : cell.choices)
                        boxes << QStringLiteral("☐\u00a0") + escaped(choice);
                    html += QStringLiteral("<td class=\"rating\">") + boxes.join(QLatin1Char(' ')) + QStringLiteral("</td>");
                } else {
                    html += QStringLiteral("<td class=\"rating\">") + escaped(text) + QStringLiteral("</td>");
                }
                break;
            case Type::Total:
                html += QStringLiteral("<td class=\"total\">") + escaped(text) + QStringLiteral("</td>");
                break;
            }
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody></table>\n");
}

QString answerHtml(const ExportItem &item)
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
    return textOrLines(item.answer ? item.answer->value.value(QLatin1String("text")).toString() : QString(), 6);
}

}  // namespace

QString WorksheetHtml::document(const ExportDocument &doc, const QString &pageSize)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                 + escaped(doc.courseTitle) + QStringLiteral("</title>\n<style>")
                 + QString::fromLatin1(styleSheet).replace(QLatin1String("PAGE-SIZE"), pageSize) + QStringLiteral("</style></head>\n<body>\n");

    const QString learner = doc.learner.trimmed().isEmpty() ? QStringLiteral("<span class=\"blank-name\">&nbsp;</span>")
                                                            : escaped(doc.learner.trimmed());
    html += QStringLiteral("<header class=\"title-block\">\n<p class=\"course\">") + escaped(doc.courseTitle)
          + QStringLiteral("</p>\n<p class=\"meta\">Learner: ") + learner + QStringLiteral(" · ")
          + escaped(QLocale().toString(doc.date, QLocale::LongFormat)) + QStringLiteral("</p>\n<p class=\"scope\">")
          + escaped(doc.scopeTitle) + QStringLiteral("</p>\n</header>\n");

    QString module, page;
    bool inModule = false;
    for (const ExportItem &item : doc.items) {
        if (!inModule || item.moduleId != module) {
            if (inModule)
                html += QStringLiteral("</section>\n");
            html += QStringLiteral("<section class=\"module\">\n");
            if (!item.moduleTitle.isEmpty())
                html += QStringLiteral("<h1>") + escaped(item.moduleTitle) + QStringLiteral("</h1>\n");
            inModule = true;
            module = item.moduleId;
            page.clear();
        }
        if (item.pageId != page && !item.pageTitle.isEmpty())
            html += QStringLiteral("<h2>") + escaped(item.pageTitle) + QStringLiteral("</h2>\n");
        page = item.pageId;
        // promptHtml comes sanitised from the renderer, so it goes in as it is.
        html += QStringLiteral("<section class=\"activity\">\n<h3>") + escaped(item.spec.title)
              + QStringLiteral("</h3>\n<div class=\"prompt\">") + item.spec.promptHtml + QStringLiteral("</div>\n")
              + answerHtml(item) + QStringLiteral("</section>\n");
    }
    if (inModule)
        html += QStringLiteral("</section>\n");
    return html + QStringLiteral("</body></html>\n");
}
