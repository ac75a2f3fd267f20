#pragma once

#include <QString>

class Course;

// What a course's pages were indexed from, as one string: the indexer's version, every
// page's id, title and loaded text, and the path, size and modification time of every file
// its pages may include (_config.yml, _includes, _data). Equal fingerprints: the index of its
// pages is current.
namespace CourseFingerprint {

QString of(const Course &course);

}  // namespace CourseFingerprint
