#pragma once

#include "Workbook.h"

class Course;
struct ExportDocument;

// A room's workbooks brought together (File ▸ Merge Workbooks…, --merge-workbooks): every
// activity someone answered, with each learner's answer side by side. It is an ExportDocument
// like any worksheet, so the DOCX and PDF exporters write it as they are: each activity
// becomes a table of one column per learner (headed with the name as they wrote it) and
// one row of their answers as text.
namespace MergedWorkbooks {
// The workbooks must be of `course` (WorkbookFile::load checks); false + *error when the
// course cannot be exported.
bool build(const Course &course, const QVector<Workbook> &workbooks, ExportDocument *document, QString *error);
// The learners' names in the order given, "(no name)" for a file saved without one.
QStringList learners(const QVector<Workbook> &workbooks);
}  // namespace MergedWorkbooks
