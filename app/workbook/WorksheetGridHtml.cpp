#include "WorksheetGridHtml.h"

#include "WorksheetGrid.h"

#include <QRegularExpression>

namespace {
using Type = WorksheetCell::Type;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ruledLines(int count)
{
    return QStringLiteral("<div class=\"lines\">") + QStringLiteral("<div></div>").repeated(count) + QStringLiteral("</div>\n");
}
}  // namespace

QString WorksheetGridHtml::paragraphs(const QString &text)
{
    QString html;
    const QStringList parts = text.trimmed().split(QRegularExpression(QStringLiteral("\\n\\s*\\n")), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        html += QStringLiteral("<p>") + escaped(part.trimmed()).replace(QLatin1Char('\n'), QLatin1String("<br>")) + QStringLiteral("</p>\n");
    return html;
}

QString WorksheetGridHtml::textOrLines(const QString &text, int lines)
{
    return text.trimmed().isEmpty() ? ruledLines(lines) : QStringLiteral("<div class=\"answer\">") + paragraphs(text) + QStringLiteral("</div>\n");
}

QString WorksheetGridHtml::kwlTable(const QJsonObject &value, int emptyRows)
{
    QString html = QStringLiteral("<table class=\"kwl\"><colgroup><col style=\"width:33%\"><col style=\"width:34%\"><col style=\"width:33%\"></colgroup>"
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
        html += QStringLiteral("<tr class=\"empty\"><td></td><td></td><td></td></tr>\n").repeated(emptyRows);
    return html + QStringLiteral("</tbody></table>\n");
}

QString WorksheetGridHtml::worksheetTable(const ActivitySpec &spec, const QJsonArray &cells)
{
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
