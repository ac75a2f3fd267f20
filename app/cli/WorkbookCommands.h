#pragma once

#include <QStringList>
#include <QTextStream>

class AnswerStore;
class Course;
struct ExportDocument;

// The command line's side of the workbook file (docs/workbook-file.md): --save-workbook, and
// the document --export --merge-workbooks writes. Both only read the learner's stores.
namespace WorkbookCommands {

// Writes the course's answers, history, notes, bookmarks, progress and the data folder's
// workshop grids to `target` with `owner` as the name; returns the exit code (1 after saying why).
int save(const Course &course, const AnswerStore &store, const QString &dataDir, const QString &target, const QString &owner,
         QTextStream &out, QTextStream &err);
// The merged worksheet of `files` (MergedWorkbooks). A file that cannot be read or is of
// another course is left out after saying why on err (*refused counts them); false when none is left.
bool mergedDocument(const Course &course, const QStringList &files, ExportDocument *doc, int *refused, QTextStream &err);

}  // namespace WorkbookCommands
