#pragma once

#include "Course.h"

// Every problem of a course: what loading found plus what rendering each page finds
// (broken links, missing images, Liquid). Shared by --check and the Problems panel.
class CourseCheck
{
public:
    static Diagnostics run(const Course &course);
    static bool hasErrors(const Diagnostics &diagnostics);
};
