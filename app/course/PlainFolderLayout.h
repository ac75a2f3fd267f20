#pragma once

#include "Course.h"
#include "CourseSource.h"

// Layouts 1c and 1d of docs/course-format.md: a folder of Markdown or text files (each
// subfolder a module), and a single file opened as a one-page course.
namespace PlainFolderLayout {
void load(Course &course, CourseSource &source);
// The file is given relative to the course root, the folder that holds it.
void loadSingleFile(Course &course, CourseSource &source, const QString &fileName);
}  // namespace PlainFolderLayout
