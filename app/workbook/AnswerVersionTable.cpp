#include "AnswerVersionTable.h"

#include "ActivitySpec.h"
#include "AnswerStore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

const QString kColumns = QStringLiteral("course_id, activity_id, kind, value, done, updated");

QString compactJson(const QJsonObject &value)
{
    return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

QVector<Answer> selectAnswers(const QSqlDatabase &db, const QString &sql, const QStringList &bindings, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QString &binding : bindings)
        query.addBindValue(binding);
    QVector<Answer> result;
    if (!query.exec()) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        Answer answer;
        answer.courseId = query.value(0).toString();
        answer.activityId = query.value(1).toString();
        answer.kind = query.value(2).toString();
        answer.value = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        answer.done = query.value(4).toBool();
        answer.updated = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        result.append(answer);
    }
    return result;
}

}  // namespace

namespace AnswerVersionTable {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString invalidAnswer(const Answer &answer)
{
    ActivitySpec::Kind kind;
    if (answer.activityId.isEmpty())
        return AnswerStore::tr("An answer has no activity id.");
    if (!ActivitySpec::kindFromName(answer.kind, &kind))
        return AnswerStore::tr("The answer to %1 has an unknown kind \"%2\".").arg(answer.activityId, answer.kind);
    return {};
}

bool sameContent(const Answer &a, const Answer &b)
{
    return a.kind == b.kind && a.value == b.value && a.done == b.done;
}

QDateTime latestPossible(const QDateTime &now)
{
    return now.addDays(1);
}

bool redateImpossible(const QSqlDatabase &db, const QString &courseId, const QString &activityId, const QDateTime &now,
                      QString *error)
{
    return redateImpossibleIn(db, QStringLiteral("answer_versions"), QStringLiteral("activity_id"), courseId, activityId, now, error);
}

bool redateImpossibleIn(const QSqlDatabase &db, const QString &table, const QString &keyColumn, const QString &courseId,
                        const QString &key, const QDateTime &now, QString *error)
{
    QSqlQuery query(db);
    // GLOB's [0-9] and literal characters: isoUtc's fixed width, which sorts chronologically as text.
    query.prepare(QStringLiteral("UPDATE %1 SET updated = ? WHERE course_id = ? AND %2 = ? AND (updated > ? OR "
                                 "updated NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')")
                      .arg(table, keyColumn));
    query.addBindValue(isoUtc(now));
    query.addBindValue(courseId);
    query.addBindValue(key);
    query.addBindValue(isoUtc(latestPossible(now)));
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

std::optional<Answer> current(const QSqlDatabase &db, const QString &courseId, const QString &activityId, QString *error)
{
    const QVector<Answer> found = selectAnswers(
        db,
        QStringLiteral("SELECT %1 FROM answer_versions WHERE course_id = ? AND activity_id = ? "
                       "ORDER BY updated DESC, id DESC LIMIT 1").arg(kColumns),
        {courseId, activityId}, error);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QVector<Answer> currentOfCourse(const QSqlDatabase &db, const QString &courseId, QString *error)
{
    return selectAnswers(
        db,
        QStringLiteral("SELECT %1 FROM (SELECT *, row_number() OVER (PARTITION BY activity_id ORDER BY updated DESC, id DESC)"
                       " AS newness FROM answer_versions WHERE course_id = ?) WHERE newness = 1").arg(kColumns),
        {courseId}, error);
}

QVector<Answer> history(const QSqlDatabase &db, const QString &courseId, const QString &activityId, QString *error)
{
    return selectAnswers(
        db,
        QStringLiteral("SELECT %1 FROM answer_versions WHERE course_id = ? AND activity_id = ? ORDER BY updated DESC, id DESC")
            .arg(kColumns),
        {courseId, activityId}, error);
}

qint64 currentId(const QSqlDatabase &db, const QString &courseId, const QString &activityId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM answer_versions WHERE course_id = ? AND activity_id = ? "
                                 "ORDER BY updated DESC, id DESC LIMIT 1"));
    query.addBindValue(courseId);
    query.addBindValue(activityId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

bool insert(const QSqlDatabase &db, const Answer &answer, QString *error, qint64 *rowId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO answer_versions (%1) VALUES (?, ?, ?, ?, ?, ?)").arg(kColumns));
    query.addBindValue(answer.courseId);
    query.addBindValue(answer.activityId);
    query.addBindValue(answer.kind);
    query.addBindValue(compactJson(answer.value));
    query.addBindValue(answer.done ? 1 : 0);
    query.addBindValue(isoUtc(answer.updated));
    if (query.exec()) {
        if (rowId)
            *rowId = query.lastInsertId().toLongLong();
        return true;
    }
    *error = query.lastError().text();
    return false;
}

bool update(const QSqlDatabase &db, qint64 rowId, const Answer &answer, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE answer_versions SET kind = ?, value = ?, done = ?, updated = ? WHERE id = ?"));
    query.addBindValue(answer.kind);
    query.addBindValue(compactJson(answer.value));
    query.addBindValue(answer.done ? 1 : 0);
    query.addBindValue(isoUtc(answer.updated));
    query.addBindValue(rowId);
    if (query.exec() && query.numRowsAffected() == 1)
        return true;
    *error = query.lastError().text().isEmpty() ? QStringLiteral("the version to update is gone") : query.lastError().text();
    return false;
}

}  // namespace AnswerVersionTable
