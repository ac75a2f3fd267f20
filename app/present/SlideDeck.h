#pragma once

#include "PageRenderer.h"
#include "Slide.h"
#include "SlideBudget.h"

#include <QVector>

class Course;

// The slides of one module, in course order: for each page a title slide, then one slide
// per `##` section (split further where a section is too long for the budget; a page
// without sections is split at block boundaries).
class SlideDeck
{
public:
    SlideDeck() = default;
    static SlideDeck forModule(const Course &course, const QString &moduleId, const PageRenderer::Options &options,
                               const SlideBudget &budget);
    // One page's slides, as forModule() would give them (for tests and one-page decks); their
    // moduleId is left empty, forModule() sets it.
    static QVector<Slide> forPage(const RenderedPage &page, const QString &moduleTitle, const SlideBudget &budget);

    QString moduleId() const { return m_moduleId; }
    QString moduleTitle() const { return m_moduleTitle; }
    const QVector<Slide> &slides() const { return m_slides; }
    int count() const { return int(m_slides.size()); }
    bool isEmpty() const { return m_slides.isEmpty(); }
    int firstSlideOf(const QString &pageId) const;  // -1 when the page has no slide here
    // The slide at the same place after a rebuild for another screen size: the same page and
    // section, its first part. Falls back to the page's title slide, then 0.
    int matching(const Slide &slide) const;

private:
    QString m_moduleId;
    QString m_moduleTitle;
    QVector<Slide> m_slides;
};
