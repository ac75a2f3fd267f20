#pragma once

#include <QByteArray>

class Course;
struct CoursePage;

// What a page's rendered body is made of, as a digest (RenderedPageCache keeps bodies under
// it): the program, the course's settings and every page's addresses (where links lead), and
// the page itself, its front matter and Markdown. Files it reads besides are RenderDependencies.
namespace PageStamp {
QByteArray ofCourse(const Course &course);
QByteArray ofPage(const QByteArray &courseStamp, const CoursePage &page);
}  // namespace PageStamp
