#pragma once

#include "Course.h"

// Opens a course folder in any layout of course-format.md section 1, or a single
// Markdown/text file. Never fails: problems are collected in Course::diagnostics and
// a path that cannot be opened at all yields a course with no modules and an error.
class CourseLoader
{
public:
    static Course load(const QString &path);
};
