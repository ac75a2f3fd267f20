#pragma once

#include "WorkshopRecords.h"

#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

// The workshop_records table, beside answer_versions in workshops/answers.sqlite: what each
// record is (id, course, module, name, date). In the grids' own file rather than a file of
// its own, so that a damaged file moved aside takes its records with it (a record never
// outlives its grids nor loses them), every change is one SQLite statement (crash-safe, and
// two Coursebooks on the file never lose each other's records), and one recovery path serves both.
// Reads and writes return false or nothing and set *error when the statement fails.
namespace WorkshopRecordTable {

bool ensure(const QSqlDatabase &db, QString *error);  // creates the table when missing
bool insert(const QSqlDatabase &db, const WorkshopRecord &record, QString *error);
QVector<WorkshopRecord> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error);  // newest first
std::optional<WorkshopRecord> find(const QSqlDatabase &db, const QString &recordId, QString *error);
// False with *error empty when there is no such record.
bool rename(const QSqlDatabase &db, const QString &recordId, const QString &name, QString *error);

}  // namespace WorkshopRecordTable
