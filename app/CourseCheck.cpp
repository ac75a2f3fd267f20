#include "CourseCheck.h"

#include "PageRenderer.h"

#include <algorithm>

Diagnostics CourseCheck::run(const Course &course)
{
    Diagnostics all = course.diagnostics;
    const PageRenderer renderer(course);
    for (const CoursePage *page : course.pages())
        all += renderer.render(*page).diagnostics;
    return all;
}

bool CourseCheck::hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}
