#include "SlideDeck.h"

#include "PageSections.h"
#include "SectionSlides.h"

#include <QHash>

QVector<Slide> SlideDeck::forPage(const RenderedPage &page, const QString &moduleTitle, const SlideBudget &budget)
{
    const PageSections sections(page.bodyHtml);
    QHash<QString, const ActivitySpec *> activities;
    for (const ActivitySpec &spec : page.activities)
        activities.insert(spec.id, &spec);

    Slide base;
    base.moduleTitle = moduleTitle;
    base.pageId = page.pageId;
    base.pageTitle = page.title;
    base.notesHtml = sections.notesHtml();

    QVector<Slide> slides;
    Slide title = base;
    title.kind = Slide::Kind::Title;
    title.heading = page.title;
    slides.append(title);

    for (const PageSections::Section &section : sections.sections()) {
        Slide prototype = base;
        prototype.heading = section.heading.isEmpty() ? page.title : section.heading;
        SectionSlides fill(prototype, budget, slides);
        bool onlyActivities = !section.blocks.isEmpty();
        for (xmlNodePtr block : section.blocks) {
            // The renderer gives every activity card its spec.
            if (const ActivitySpec *spec = activities.value(sections.activityIn(block))) {
                fill.addActivity(*spec);
                continue;
            }
            onlyActivities = false;
            fill.add(block);
        }
        fill.finish(!onlyActivities);
    }
    return slides;
}

SlideDeck SlideDeck::forModule(const Course &course, const QString &moduleId, const PageRenderer::Options &options,
                               const SlideBudget &budget)
{
    SlideDeck deck;
    const CourseModule *module = course.findModule(moduleId);
    if (!module)
        return deck;
    deck.m_moduleId = module->id;
    deck.m_moduleTitle = module->title;
    const PageRenderer renderer(course, options);
    for (const CoursePage &page : module->pages) {
        QVector<Slide> slides = forPage(renderer.render(page), module->title, budget);
        for (Slide &slide : slides)
            slide.moduleId = module->id;
        deck.m_slides += slides;
    }
    return deck;
}

int SlideDeck::firstSlideOf(const QString &pageId) const
{
    for (int index = 0; index < count(); ++index) {
        if (m_slides[index].pageId == pageId)
            return index;
    }
    return -1;
}

int SlideDeck::matching(const Slide &slide) const
{
    for (int index = 0; index < count(); ++index) {
        const Slide &candidate = m_slides[index];
        if (candidate.pageId == slide.pageId && candidate.kind == slide.kind && candidate.heading == slide.heading
            && candidate.activityId == slide.activityId)
            return index;
    }
    return std::max(0, firstSlideOf(slide.pageId));
}
