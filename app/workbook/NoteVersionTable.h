#pragma once

#include "Note.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

// The rows of note_versions (AnswerSchema creates it): one per version of a page's note,
// the newest `updated` (then the highest id) being the current one, as in answer_versions.
// Reads return what they found and set *error when the query fails.
namespace NoteVersionTable {

// Dates impossibly late versions of the page's note now (see AnswerVersionTable::redateImpossible).
bool redateImpossible(const QSqlDatabase &db, const QString &courseId, const QString &pageId, const QDateTime &now, QString *error);

std::optional<Note> current(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error);
QVector<Note> currentOfCourse(const QSqlDatabase &db, const QString &courseId, QString *error);  // non-empty ones, any order
QVector<Note> history(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error);  // newest first
qint64 currentId(const QSqlDatabase &db, const QString &courseId, const QString &pageId);  // or -1

bool insert(const QSqlDatabase &db, const Note &note, QString *error, qint64 *rowId = nullptr);
// Rewrites version `rowId` in place: the same typing burst, a later moment of it.
bool update(const QSqlDatabase &db, qint64 rowId, const Note &note, QString *error);

}  // namespace NoteVersionTable
