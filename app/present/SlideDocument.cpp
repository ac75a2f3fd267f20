#include "SlideDocument.h"

#include "GridSlice.h"
#include "ReadingCss.h"
#include "SlideBudget.h"
#include "WorksheetGridHtml.h"

#include <QCoreApplication>
#include <QFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SlideDocument", text);
}

QString resource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

// The page style sheet (themes, callouts, tables, cards), then the slides' own, with the
// type sizes the budget counts with.
QString styleSheet(const SlideDocument::Options &options)
{
    QString slides = resource(QStringLiteral(":/resources/slides.css"));
    slides.replace(QLatin1String("FLOOR-PIXELS"), QString::number(SlideBudget::kFloorPixels))
        .replace(QLatin1String("FLOOR-SHARE"), number(SlideBudget::kFloorShare * 100))
        .replace(QLatin1String("BODY-SHARE"), number(SlideBudget::kBodyShare * 100))
        .replace(QLatin1String("ZOOM"), number(std::max(options.zoom, 0.1)))
        .replace(QLatin1String("HEADING-SCALE"), number(SlideBudget::kHeadingScale))
        .replace(QLatin1String("GRID-SCALE"), number(SlideBudget::kGridScale))
        .replace(QLatin1String("HEADING-LINE-HEIGHT"), number(SlideBudget::kHeadingLineHeight))
        .replace(QLatin1String("LINE-HEIGHT"), number(SlideBudget::kLineHeight));
    return resource(QStringLiteral(":/resources/style.css")) + QLatin1Char('\n') + slides + ReadingCss::slides(options.reading);
}

QString kindClass(Slide::Kind kind)
{
    switch (kind) {
    case Slide::Kind::Title:
        return QStringLiteral("slide-title");
    case Slide::Kind::Activity:
        return QStringLiteral("slide-activity");
    case Slide::Kind::Content:
        break;
    }
    return QStringLiteral("slide-text");
}

QString gridFor(const Slide &slide, const SlideDocument::Options &options)
{
    const auto spec = options.activities.constFind(slide.activityId);
    QString grid;
    if (spec != options.activities.constEnd()) {
        const auto answer = options.gridAnswers.constFind(slide.activityId);
        grid = GridSlice::rows(SlideDocument::gridHtml(*spec, answer == options.gridAnswers.constEnd() ? std::nullopt : std::optional<Answer>(*answer)),
                               slide.gridFirstRow, slide.gridRowCount);
    }
    // The rows are here for the control script: a grid typed live is cut the same way.
    return QStringLiteral("<div class=\"slide-grid\" data-activity=\"%1\" data-first-row=\"%2\" data-row-count=\"%3\">")
               .arg(slide.activityId.toHtmlEscaped())
               .arg(slide.gridFirstRow)
               .arg(slide.gridRowCount)
         + grid + QStringLiteral("</div>\n");
}

QString slideHtml(const SlideDeck &deck, int index, const SlideDocument::Options &options)
{
    const Slide &slide = deck.slides().at(index);
    const QString position = QStringLiteral("%1 / %2").arg(index + 1).arg(deck.count());
    const QString label = tr("Slide %1 of %2: %3").arg(index + 1).arg(deck.count()).arg(slide.heading);
    QString html = QStringLiteral("<section class=\"slide %1%2%3\" id=\"slide-%4\" data-index=\"%5\" data-page=\"%6\" aria-label=\"%7\">\n")
                       .arg(kindClass(slide.kind), slide.continued ? QStringLiteral(" continued") : QString(),
                            index == 0 && !options.print ? QStringLiteral(" current") : QString())
                       .arg(index + 1)
                       .arg(index)
                       .arg(slide.pageId.toHtmlEscaped(), label.toHtmlEscaped());
    html += QStringLiteral("<div class=\"slide-canvas\">\n<div class=\"slide-content\">\n");
    if (slide.kind == Slide::Kind::Title) {
        if (!slide.moduleTitle.isEmpty() && slide.moduleTitle != slide.heading)
            html += QStringLiteral("<p class=\"slide-module-title\">") + slide.moduleTitle.toHtmlEscaped() + QStringLiteral("</p>\n");
        html += QStringLiteral("<h1>") + slide.heading.toHtmlEscaped() + QStringLiteral("</h1>\n");
    } else {
        html += QStringLiteral("<h2 class=\"slide-heading\">") + slide.heading.toHtmlEscaped();
        if (slide.continued)
            html += QStringLiteral(" <span class=\"slide-continued\">") + tr("(continued)").toHtmlEscaped() + QStringLiteral("</span>");
        html += QStringLiteral("</h2>\n");
        // The body is the renderer's sanitized page HTML: it goes in as it is.
        html += QStringLiteral("<div class=\"slide-fit\">\n<div class=\"slide-body page-body\">\n") + slide.bodyHtml + QStringLiteral("</div>\n");
        if (slide.kind == Slide::Kind::Activity)
            html += gridFor(slide, options);
        html += QStringLiteral("</div>\n");
    }
    html += QStringLiteral("</div>\n<footer class=\"slide-corner\"><span class=\"slide-corner-module\">") + deck.moduleTitle().toHtmlEscaped()
          + QStringLiteral("</span><span class=\"slide-number\">") + position + QStringLiteral("</span></footer>\n</div>\n");
    // Notes reach a document only for a printed handout: never the audience screen.
    if (options.print && options.withNotes && !slide.notesHtml.isEmpty())
        html += QStringLiteral("<aside class=\"slide-notes\">\n") + slide.notesHtml + QStringLiteral("</aside>\n");
    return html + QStringLiteral("</section>\n");
}

QString overviewHtml(const SlideDeck &deck)
{
    QString html = QStringLiteral("<nav id=\"slide-overview\" aria-label=\"%1\">\n").arg(tr("All slides").toHtmlEscaped());
    for (int index = 0; index < deck.count(); ++index) {
        const Slide &slide = deck.slides().at(index);
        QString heading = slide.heading.toHtmlEscaped();
        if (slide.continued)
            heading += QLatin1Char(' ') + tr("(continued)").toHtmlEscaped();
        html += QStringLiteral("<div class=\"overview-card%1\" data-index=\"%2\"><span class=\"overview-number\">%3</span> "
                               "<span class=\"overview-heading\">%4</span></div>\n")
                    .arg(slide.kind == Slide::Kind::Title ? QStringLiteral(" overview-title") : QString())
                    .arg(index)
                    .arg(index + 1)
                    .arg(heading);
    }
    return html + QStringLiteral("</nav>\n");
}

}  // namespace

QString SlideDocument::html(const SlideDeck &deck, const Options &options)
{
    QStringList classes = {QStringLiteral("slides")};
    if (options.print)
        classes << QStringLiteral("print");
    if (options.print && options.withNotes)
        classes << QStringLiteral("with-notes") << QStringLiteral("show-facilitator-notes");
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\" data-theme=\"%2\" class=\"%3\">\n<head>\n<meta charset=\"utf-8\">\n")
                       .arg(options.lang.toHtmlEscaped(), options.theme.toHtmlEscaped(), classes.join(QLatin1Char(' ')));
    // As the page view's: course images only, no script, nothing from the network.
    html += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src course: data:; "
                           "style-src 'unsafe-inline'; font-src course:; media-src course:\">\n<title>")
          + deck.moduleTitle().toHtmlEscaped() + QStringLiteral("</title>\n<style>\n") + styleSheet(options)
          + QStringLiteral("</style>\n</head>\n<body>\n<main class=\"deck\">\n");
    for (int index = 0; index < deck.count(); ++index)
        html += slideHtml(deck, index, options);
    html += QStringLiteral("</main>\n");
    if (!options.print)
        html += overviewHtml(deck) + QStringLiteral("<div id=\"slide-countdown\" role=\"timer\" aria-live=\"off\"></div>\n"
                                                   "<div id=\"slide-blank\" aria-hidden=\"true\"></div>\n");
    return html + QStringLiteral("</body>\n</html>\n");
}

QString SlideDocument::gridHtml(const ActivitySpec &spec, const std::optional<Answer> &answer)
{
    const QJsonObject value = answer ? answer->value : QJsonObject();
    switch (spec.kind) {
    case ActivitySpec::Kind::Kwl:
        return WorksheetGridHtml::kwlTable(value, 3);
    case ActivitySpec::Kind::Worksheet:
        return WorksheetGridHtml::worksheetTable(spec, value.value(QLatin1String("cells")).toArray());
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        break;
    }
    return WorksheetGridHtml::textOrLines(value.value(QLatin1String("text")).toString(), 4);
}

QString SlideDocument::controlScript()
{
    return resource(QStringLiteral(":/resources/slides.js"));
}
