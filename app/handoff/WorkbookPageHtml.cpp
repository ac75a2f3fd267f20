#include "WorkbookPageHtml.h"

#include "AnswerText.h"
#include "Course.h"
#include "KwlLabels.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"
#include "WorksheetGridHtml.h"

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

// The experience line above a KWL's table, which WorksheetGridHtml leaves to the document.
QString kwl(const QJsonObject &value)
{
    QString html;
    const QString experience = value.value(QStringLiteral("experience")).toString().trimmed();
    if (!experience.isEmpty())
        html += QStringLiteral("<p><b>%1:</b></p>").arg(KwlLabels::experience().toHtmlEscaped()) + WorksheetGridHtml::paragraphs(experience);
    if (!value.value(QStringLiteral("rows")).toArray().isEmpty())
        html += WorksheetGridHtml::kwlTable(value, 0);
    return html;
}

}  // namespace

namespace WorkbookPageHtml {

QHash<QString, QString> pagesOfActivities(const Course &course)
{
    QHash<QString, QString> pages;
    const PageRenderer renderer(course);
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body, [&pages](const CoursePage &page, const RenderedPage &rendered) {
        for (const ActivitySpec &spec : rendered.activities) {
            if (!spec.revisit)
                pages.insert(spec.id, page.id);
        }
    });
    return pages;
}

QString answer(const ActivitySpec &spec, const Answer &answer)
{
    // Drawn as the printed worksheet draws it (fixed cells, added rows, totals).
    if (AnswerText::plain(answer.kind, answer.value).isEmpty())
        return QString();
    if (answer.kind == QLatin1String("kwl"))
        return kwl(answer.value);
    if (answer.kind == QLatin1String("worksheet"))
        return WorksheetGridHtml::worksheetTable(spec, answer.value.value(QStringLiteral("cells")).toArray());
    return WorksheetGridHtml::paragraphs(answer.value.value(QStringLiteral("text")).toString());
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
            html += QStringLiteral("<h4>%1</h4>").arg(tr("%1's note on this page").arg(owner).toHtmlEscaped())
                + WorksheetGridHtml::paragraphs(note.text);
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
