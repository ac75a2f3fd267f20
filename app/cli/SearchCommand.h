#pragma once

#include <QString>
#include <QTextStream>

class Course;

// --search: the course's pages and the learner's answers and notes that match, best first,
// as a JSON array, from the index in the answers database (SearchIndex).
namespace SearchCommand {

// Returns the exit code (1 after saying why on err). When the data folder cannot be written,
// searches a temporary copy of its answers instead, and says so on err.
int run(const Course &course, const QString &dataDir, const QString &userText, QTextStream &out, QTextStream &err);

}  // namespace SearchCommand
