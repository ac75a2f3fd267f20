#pragma once

#include <QString>

class Course;

// What a course's pages were indexed from, as one string: the indexer's version and, for
// every page file and every file its pages may include (_config.yml, _includes, _data), its
// path, size and modification time. Equal fingerprints: the index of its pages is current.
namespace CourseFingerprint {

QString of(const Course &course);

}  // namespace CourseFingerprint
