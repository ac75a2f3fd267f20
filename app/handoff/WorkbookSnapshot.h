#pragma once

#include "Workbook.h"

class AnswerStore;
class Course;
class WorkshopRecords;

// A learner's work on a course read out of their stores into a Workbook, to be saved as a
// file. Only reads: the stores are left as they were.
namespace WorkbookSnapshot {
// `records` may be null (no workshop records on this computer). False + *error when a store
// cannot be read.
bool take(const Course &course, const AnswerStore &store, const WorkshopRecords *records, const QString &owner, Workbook *workbook,
          QString *error);
// As take(), with the workshop records kept in `dataDir` when there are some (none is created).
bool takeWithRecordsIn(const QString &dataDir, const Course &course, const AnswerStore &store, const QString &owner, Workbook *workbook,
                       QString *error);
}  // namespace WorkbookSnapshot
