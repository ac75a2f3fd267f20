#pragma once

#include "Course.h"
#include "CourseSource.h"

// Layout 1a of docs/course-format.md, P2PU's Course-in-a-Box: _data/course.yml lists the
// modules, each modules/<module>/_posts holds dated pages.
namespace CourseInABoxLayout {
void load(Course &course, CourseSource &source, const QStringList &moduleFolders);
}  // namespace CourseInABoxLayout
