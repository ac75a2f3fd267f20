#pragma once

#include "Course.h"
#include "RenderedPage.h"

// Turns a CoursePage's Markdown into the HTML document the web view shows
// (course-format.md sections 2, 3 and 5).
class PageRenderer
{
public:
    explicit PageRenderer(const Course &course);

    RenderedPage render(const CoursePage &page) const;

private:
    const Course &m_course;
};
