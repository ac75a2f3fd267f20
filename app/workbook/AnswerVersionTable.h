#pragma once

#include "Answer.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

// The rows of answer_versions (AnswerSchema creates it): one per version of an answer,
// the newest `updated` (then the highest id) being the current one. Reads return what
// they found and set *error when the query fails.
namespace AnswerVersionTable {

// The fixed-width form sorts chronologically as text, which the queries rely on.
QString isoUtc(const QDateTime &time);

// Why the store refuses `answer` (for the learner: the SQL error text would not help), or empty.
QString invalidAnswer(const Answer &answer);
// Same kind, value and done: storing it again would add nothing to the history.
bool sameContent(const Answer &a, const Answer &b);

// The latest date a version may have: a day ahead of `now` allows for another computer's
// clock or time zone being a little off; anything later no clock that was right produced.
QDateTime latestPossible(const QDateTime &now);
// Dates the versions of an activity that are later than latestPossible(now), or not in
// isoUtc's form, `now` instead. Such a version (an import from a computer whose clock was
// wrong, a row written by another program) would stay the current one whatever is saved
// after it, and dating a save after year 9999 fails: so each save and import calls this first.
bool redateImpossible(const QSqlDatabase &db, const QString &courseId, const QString &activityId, const QDateTime &now,
                      QString *error);
// The same in another versioned table (note_versions), whose item is keyed by keyColumn.
bool redateImpossibleIn(const QSqlDatabase &db, const QString &table, const QString &keyColumn, const QString &courseId,
                        const QString &key, const QDateTime &now, QString *error);

std::optional<Answer> current(const QSqlDatabase &db, const QString &courseId, const QString &activityId, QString *error);
QVector<Answer> currentOfCourse(const QSqlDatabase &db, const QString &courseId, QString *error);  // any order
QVector<Answer> history(const QSqlDatabase &db, const QString &courseId, const QString &activityId, QString *error);  // newest first
// Id of the current version, or -1.
qint64 currentId(const QSqlDatabase &db, const QString &courseId, const QString &activityId);

bool insert(const QSqlDatabase &db, const Answer &answer, QString *error, qint64 *rowId = nullptr);
// Rewrites version `rowId` in place: the same typing burst, a later moment of it.
bool update(const QSqlDatabase &db, qint64 rowId, const Answer &answer, QString *error);

}  // namespace AnswerVersionTable
