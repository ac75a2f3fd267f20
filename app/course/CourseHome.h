#pragma once

#include "Course.h"
#include "CourseSource.h"

#include <QStringList>

// The course home of docs/course-format.md 1d': the page at the course root that the website
// showed first, and what it says about the modules (which it links, which it never does).
namespace CourseHome {
// The root's index.md, index.markdown or index.html as the home page; a page with no id when
// there is none.
CoursePage read(CourseSource &source);
// The module folders the home links to, in the order it first links each; a link inside an
// HTML or Liquid comment does not count (retired content lives there).
QStringList linkedModules(const CoursePage &home, const QStringList &moduleIds);
// When the home links at least one module: flags every module neither linked from it nor in
// `alsoLinked` (course.yml's list), moves those last and names each in a note.
void placeUnlinkedModules(Course &course, const QStringList &alsoLinked);
// Gives the home its title, and a course without one (or with an empty one) a generated home:
// the list of modules, each a link to its first page. A course with no module gets none.
void complete(Course &course);
}  // namespace CourseHome
