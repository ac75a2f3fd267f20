#pragma once

#include "Course.h"
#include "CourseSource.h"

// Layout 1b of docs/course-format.md, the older "module" layout: modules/<module>/index.md,
// section-1.md, section-1-2.md..., in the order the course's home page links to them.
namespace ModuleLayout {
// Whether a module folder holds pages of this layout.
bool isModuleFolder(const QString &courseRoot, const QString &moduleId);
void load(Course &course, CourseSource &source, const QStringList &moduleFolders);
}  // namespace ModuleLayout
