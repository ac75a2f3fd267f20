#include "CourseProgress.h"

#include "PageRenderer.h"
#include "PageRenderPass.h"

#include <QSet>

#include <algorithm>

CourseProgress::ActivitiesByPage CourseProgress::activitiesOf(const Course &course)
{
    ActivitiesByPage result;
    const PageRenderer renderer(course);
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body,
                        [&result](const CoursePage &page, const RenderedPage &rendered) { result.insert(page.id, rendered.activities); });
    return result;
}

CourseProgress::CourseProgress(const Course &course, const ActivitiesByPage &activities, const QVector<PageProgress> &progress,
                               const QVector<Answer> &answers)
{
    for (const PageProgress &page : progress)
        m_pages.insert(page.pageId, page);
    QHash<QString, const Answer *> answerOf;
    for (const Answer &answer : answers)
        answerOf.insert(answer.activityId, &answer);

    QSet<QString> listed;
    for (const CoursePage *page : course.pages()) {
        QVector<AnswerProgress::Stage> stages;
        for (const ActivitySpec &spec : activities.value(page->id)) {
            const AnswerProgress::Stage stage = AnswerProgress::of(answerOf.value(spec.id));
            stages << stage;
            if (stage != AnswerProgress::Stage::Done && !listed.contains(spec.id)) {
                listed.insert(spec.id);
                m_open.append({spec, page->title, stage});
            }
        }
        m_allDone.insert(page->id, PageState::allDone(stages));
        m_states.insert(page->id, PageState::of(this->page(page->id), stages));
    }
    for (const CourseModule &module : course.modules) {
        ModuleCount &count = m_modules[module.id];
        count.total = int(module.pages.size());
        count.done = int(std::count_if(module.pages.begin(), module.pages.end(),
                                       [this](const CoursePage &p) { return state(p.id) == PageState::State::Done; }));
    }
}

const PageProgress *CourseProgress::page(const QString &pageId) const
{
    const auto found = m_pages.constFind(pageId);
    return found == m_pages.constEnd() ? nullptr : &found.value();
}
