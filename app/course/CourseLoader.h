#pragma once

#include "Course.h"

// Opens a course folder in any layout of docs/course-format.md section 1, or a single
// Markdown/text file. Never fails: problems are collected in Course::diagnostics and
// a path that cannot be opened at all yields a course with no modules and an error.
// Every file is read through the course's path jail (CourseSource): nothing outside the
// course folder, only regular files, none over CourseFileReader::kDefaultLimit.
namespace CourseLoader {
Course load(const QString &path);
}  // namespace CourseLoader
