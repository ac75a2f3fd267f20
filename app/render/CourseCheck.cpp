#include "CourseCheck.h"

#include "PageRenderer.h"
#include "PageRenderPass.h"

#include <QHash>

#include <algorithm>
#include <utility>

namespace {

// The source line of the first occurrence of `needle` in the page, else 0 (the whole file).
int lineOf(const CoursePage &page, const QString &needle)
{
    const qsizetype at = page.markdown.indexOf(needle);
    return at < 0 ? 0 : page.bodyLine + int(page.markdown.left(at).count(QLatin1Char('\n')));
}

}  // namespace

Diagnostics CourseCheck::run(const Course &course, int *activityCount)
{
    Diagnostics all = course.diagnostics;
    const PageRenderer renderer(course);
    QHash<QString, const CoursePage *> owners;  // activity id -> the page that holds it
    QVector<std::pair<const CoursePage *, QString>> revisits;
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body, [&](const CoursePage &page, const RenderedPage &rendered) {
        all += rendered.diagnostics;
        for (const ActivitySpec &spec : rendered.activities) {
            if (spec.revisit) {
                revisits.append({&page, spec.id});
                continue;
            }
            // Answers are kept by activity id: two activities with one id would share an answer.
            if (const CoursePage *first = owners.value(spec.id))
                all.append(Diagnostic::warning(page.relativePath, lineOf(page, QStringLiteral("id=\"%1\"").arg(spec.id)),
                                               QStringLiteral("activity id \"%1\" is also used in %2; the two would share one answer")
                                                   .arg(spec.id, first->relativePath)));
            else
                owners.insert(spec.id, &page);
        }
    });
    if (activityCount)
        *activityCount = int(owners.size());
    for (const auto &[page, id] : revisits) {
        if (!owners.contains(id))
            all.append(Diagnostic::warning(page->relativePath, lineOf(*page, QStringLiteral("data-revisit=\"%1\"").arg(id)),
                                           QStringLiteral("data-revisit names no activity of the course: \"%1\"").arg(id)));
    }
    return all;
}

bool CourseCheck::hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}
