#pragma once

#include "ActivitySpec.h"
#include "Slide.h"
#include "SlideBudget.h"

#include <libxml/tree.h>

#include <QString>
#include <QVector>

// One section's slides, filled block by block: a block that does not fit what is left of the
// slide goes to the next one, or is split when it is long (BlockSplitter); an activity gets
// slides of its own. Each slide is a copy of the prototype (page, heading, notes), the ones
// after the section's first marked continued.
class SectionSlides
{
public:
    SectionSlides(const Slide &prototype, const SlideBudget &budget, QVector<Slide> &out);

    void add(xmlNodePtr block);
    // An activity's prompt and empty grid, on one slide when they fit (see the .cpp).
    void addActivity(const ActivitySpec &spec);
    // The section's last slide; a section of nothing but its heading gets one too.
    void finish(bool headingOnlyIsASlide);

private:
    void append(const QString &html, double lines);
    void flush();

    const Slide &m_prototype;
    const SlideBudget &m_budget;
    const double m_space;
    QVector<Slide> &m_out;
    QString m_body;
    double m_used = 0;
    int m_parts = 0;
};
