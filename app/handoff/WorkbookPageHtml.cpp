#include "WorkbookPageHtml.h"

#include "AnswerText.h"
#include "Course.h"
#include "KwlLabels.h"
#include "PageRenderer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkbookPageHtml", text);
}

QString tr(const char *text, int n)
{
    return QCoreApplication::translate("WorkbookPageHtml", text, nullptr, n);
}

// Learner's text as HTML: escaped, its line breaks kept.
QString text(const QString &plain)
{
    return plain.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString tableRow(const QStringList &cells, const char *tag)
{
    QString row = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        row += QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), cell);
    return row + QStringLiteral("</tr>");
}

QString table(const QStringList &header, const QVector<QStringList> &rows)
{
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
    QStringList escaped;
    for (const QString &h : header)
        escaped << h.toHtmlEscaped();
    html += tableRow(escaped, "th");
    for (const QStringList &row : rows)
        html += tableRow(row, "td");
    return html + QStringLiteral("</table>");
}

QString kwl(const QJsonObject &value)
{
    QString html;
    const QString experience = value.value(QStringLiteral("experience")).toString().trimmed();
    if (!experience.isEmpty())
        html += QStringLiteral("<p><b>%1:</b> %2</p>").arg(KwlLabels::experience().toHtmlEscaped(), text(experience));
    QVector<QStringList> rows;
    for (const QJsonValue &row : value.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject r = row.toObject();
        const QStringList cells{text(r.value(QStringLiteral("know")).toString()), text(r.value(QStringLiteral("want")).toString()),
                                text(r.value(QStringLiteral("learned")).toString())};
        if (!cells.join(QString()).isEmpty())
            rows << cells;
    }
    if (!rows.isEmpty())
        html += table({tr("Know"), tr("Want to learn"), tr("Learned")}, rows);
    return html;
}

QString worksheet(const ActivitySpec &spec, const QJsonObject &value)
{
    const QJsonArray cells = value.value(QStringLiteral("cells")).toArray();
    QVector<QStringList> rows;
    bool written = false;
    for (qsizetype r = 0; r < std::max<qsizetype>(cells.size(), spec.rows.size()); ++r) {
        const QJsonArray answered = r < cells.size() ? cells.at(r).toArray() : QJsonArray();
        QStringList row;
        for (qsizetype c = 0; c < std::max<qsizetype>(spec.columns.size(), answered.size()); ++c) {
            const WorksheetCell designed = r < spec.rows.size() && c < spec.rows[r].size() ? spec.rows[r][c] : WorksheetCell{};
            const QString typed = answered.at(c).toString().trimmed();
            written = written || !typed.isEmpty();
            if (designed.type == WorksheetCell::Type::Fixed && typed.isEmpty()) {
                row << text(designed.text);
            } else if (designed.type == WorksheetCell::Type::Rating && spec.choiceLabels.contains(typed)) {
                row << QStringLiteral("%1 (%2)").arg(text(typed), spec.choiceLabels.value(typed).toHtmlEscaped());
            } else {
                row << text(typed);
            }
        }
        rows << row;
    }
    return written ? table(spec.columns, rows) : QString();
}

}  // namespace

namespace WorkbookPageHtml {

QHash<QString, QString> pagesOfActivities(const Course &course)
{
    QHash<QString, QString> pages;
    const PageRenderer renderer(course);
    for (const CoursePage *page : course.pages()) {
        for (const ActivitySpec &spec : renderer.activities(*page)) {
            if (!spec.revisit)
                pages.insert(spec.id, page->id);
        }
    }
    return pages;
}

QString answer(const ActivitySpec &spec, const Answer &answer)
{
    if (answer.kind == QLatin1String("kwl"))
        return kwl(answer.value);
    if (answer.kind == QLatin1String("worksheet"))
        return worksheet(spec, answer.value);
    const QString written = text(answer.value.value(QStringLiteral("text")).toString());
    return written.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(written);
}

QString page(const Course &course, const Workbook &workbook, const QString &pageId, const QVector<ActivitySpec> &activities,
             const QHash<QString, QString> &pageOfActivity)
{
    QHash<QString, const Answer *> answers;
    for (const Answer &a : workbook.answers)
        answers.insert(a.activityId, &a);
    const QString owner = workbook.owner.isEmpty() ? tr("(no name)") : workbook.owner;
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(tr("%1's work, saved %2. Read-only: nothing here changes your own answers.")
                                .arg(owner.toHtmlEscaped(), QLocale().toString(workbook.saved.toLocalTime(), QLocale::ShortFormat)));
    // Before the first page has loaded there is no page yet: only the rest.
    if (const CoursePage *shown = course.findPage(pageId)) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("On this page: %1").arg(shown->title).toHtmlEscaped());
        QStringList seen;
        for (const ActivitySpec &spec : activities) {
            if (seen.contains(spec.id))
                continue;
            seen << spec.id;
            html += QStringLiteral("<h4>%1</h4>").arg(spec.title.toHtmlEscaped());
            const Answer *a = answers.value(spec.id);
            const QString body = a ? answer(spec, *a) : QString();
            html += body.isEmpty() ? QStringLiteral("<p><i>%1</i></p>").arg(tr("No answer.")) : body;
            if (a && a->done)
                html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Marked done."));
        }
        if (seen.isEmpty())
            html += QStringLiteral("<p><i>%1</i></p>").arg(tr("This page has no activities."));
    }
    for (const Note &note : workbook.notes) {
        if (note.pageId == pageId && !note.text.trimmed().isEmpty())
            html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("%1's note on this page").arg(owner).toHtmlEscaped(), text(note.text));
    }

    // The other pages with answers, in the course's order, to go to.
    QHash<QString, int> answeredOn;
    for (const Answer &a : workbook.answers) {
        const QString on = pageOfActivity.value(a.activityId);
        if (!on.isEmpty() && on != pageId && !AnswerText::plain(a.kind, a.value).isEmpty())
            ++answeredOn[on];
    }
    if (!answeredOn.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("%1 answered on other pages").arg(owner).toHtmlEscaped());
        for (const CoursePage *p : course.pages()) {
            if (const int n = answeredOn.value(p->id))
                html += QStringLiteral("<li><a href=\"page:%1\">%2</a> (%3)</li>")
                            .arg(p->id.toHtmlEscaped(), p->title.toHtmlEscaped(), tr("%n answers", n));
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

}  // namespace WorkbookPageHtml
