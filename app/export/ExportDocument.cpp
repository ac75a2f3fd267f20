#include "ExportDocument.h"

#include "AnswerStore.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"
#include "PromptImages.h"
#include "WorkshopRecords.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportDocument", text);
}

// build(), with the answers read from `store` under `answersCourseId`: the course's own id
// for the learner's answers, a record's for a workshop's group grids.
bool collect(const Course &course, const AnswerStore *store, const QString &answersCourseId, const ExportScope &scope, bool blank,
             const QString &learner, ExportDocument *document, QString *error)
{
    ExportDocument doc;
    doc.courseTitle = course.title;
    doc.learner = learner;
    doc.date = QDate::currentDate();
    doc.blank = blank;
    doc.scopeTitle = tr("Whole workbook");

    const PageRenderer renderer(course);
    QSet<QString> courseActivities;
    QSet<QString> exported;
    QHash<QString, QString> notes;  // page id -> the learner's note on it
    if (!blank && store && scope.kind != ExportScope::Kind::Activity && scope.kind != ExportScope::Kind::Orphans) {
        for (const Note &note : store->notes(answersCourseId))
            notes.insert(note.pageId, note.text);
    }
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body, [&](const CoursePage &page, const RenderedPage &rendered) {
        // The course home belongs to no module: its activities go under its own title.
        const CourseModule *module = course.findModule(page.moduleId);
        const QString moduleTitle = module ? module->title : page.title;
        const bool pageInScope = scope.kind == ExportScope::Kind::Course
                              || (scope.kind == ExportScope::Kind::Module && module && module->id == scope.id)
                              || (scope.kind == ExportScope::Kind::Page && page.id == scope.id);
        if (pageInScope && notes.contains(page.id))
            doc.notes.append({page.moduleId, moduleTitle, page.title, notes.value(page.id)});
        for (const ActivitySpec &spec : rendered.activities) {
            courseActivities.insert(spec.id);
            const bool inScope = pageInScope || (scope.kind == ExportScope::Kind::Activity && spec.id == scope.id);
            // A revisit repeats its activity; the answer goes in once.
            if (!inScope || (spec.revisit && exported.contains(spec.id)))
                continue;
            exported.insert(spec.id);
            ExportItem item{page.moduleId, moduleTitle, page.id, page.title, spec, std::nullopt};
            item.spec.promptHtml = PromptImages::inlined(spec.promptHtml, course.rootPath);
            if (!blank && store)
                item.answer = store->answer(answersCourseId, spec.id);
            doc.items.append(item);
        }
    });
    switch (scope.kind) {
    case ExportScope::Kind::Course:
        break;
    case ExportScope::Kind::Module:
        if (const CourseModule *module = course.findModule(scope.id))
            doc.scopeTitle = module->title;
        else
            return (*error = tr("The course has no module \"%1\".").arg(scope.id), false);
        break;
    case ExportScope::Kind::Page:
        if (const CoursePage *page = course.findPage(scope.id))
            doc.scopeTitle = page->title;
        else
            return (*error = tr("The course has no page \"%1\".").arg(scope.id), false);
        break;
    case ExportScope::Kind::Activity:
        if (doc.items.isEmpty())
            return (*error = tr("The course has no activity \"%1\".").arg(scope.id), false);
        doc.scopeTitle = doc.items.first().spec.title;
        break;
    case ExportScope::Kind::Orphans:
        doc.scopeTitle = tr("Answers without an activity");
        if (store) {
            for (const Answer &answer : AnswerStore::orphans(store->answers(answersCourseId), courseActivities)) {
                ExportItem item;
                item.spec.id = answer.activityId;
                item.spec.title = answer.activityId;
                ActivitySpec::kindFromName(answer.kind, &item.spec.kind);
                item.answer = answer;
                doc.items.append(item);
            }
        }
        break;
    }
    *document = doc;
    return true;
}

}  // namespace

bool ExportDocument::build(const Course &course, const AnswerStore *store, const ExportScope &scope, bool blank,
                           const QString &learner, ExportDocument *document, QString *error)
{
    return collect(course, store, course.id, scope, blank, learner, document, error);
}

bool ExportDocument::buildForWorkshop(const Course &course, const WorkshopRecords &records, const WorkshopRecord &record,
                                      ExportDocument *document, QString *error)
{
    if (record.courseId != course.id)
        return (*error = tr("The workshop record \"%1\" is of course \"%2\", not of \"%3\".").arg(record.name, record.courseId, course.id),
                false);
    if (!collect(course, records.store(), WorkshopRecords::storeCourseId(record), {ExportScope::Kind::Module, record.moduleId}, false,
                 QString(), document, error))
        return false;
    document->scopeTitle = tr("Group grid: %1").arg(record.name);
    document->notes.clear();  // a workshop's grids are the group's, with no one's notes
    document->date = record.created.toLocalTime().date();
    return true;
}
