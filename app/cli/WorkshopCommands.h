#pragma once

#include <QString>
#include <QTextStream>

class Course;
struct ExportDocument;

// The command line's side of the workshop records (WorkshopRecords): --list-workshops, and
// the worksheet --export --workshop writes. Both only read: a data folder that has no
// workshop records is not given any.
namespace WorkshopCommands {

// Prints the course's records, newest first, one a line: id, date, module and name, tab-separated.
// Returns the exit code (1 after saying why on err).
int list(const Course &course, const QString &dataDir, QTextStream &out, QTextStream &err);
// The worksheet of record `recordId` (ExportDocument::buildForWorkshop); false after saying why on err.
bool document(const Course &course, const QString &dataDir, const QString &recordId, ExportDocument *doc, QTextStream &err);

}  // namespace WorkshopCommands
