#pragma once

#include "Course.h"

// Every problem of a course: what loading found plus what rendering each page finds
// (broken links, missing images, Liquid). Shared by --check and the Problems panel.
namespace CourseCheck {
// activityCount, when given, receives how many activities the course holds (the app
// keeps its Workbook pane out of the way of a course that has none).
Diagnostics run(const Course &course, int *activityCount = nullptr);
bool hasErrors(const Diagnostics &diagnostics);
}  // namespace CourseCheck
