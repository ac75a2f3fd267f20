#include "NoteVersionTable.h"

#include "AnswerVersionTable.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

const QString kColumns = QStringLiteral("course_id, page_id, text, updated");

// Qt binds a null QString as NULL, which the NOT NULL column refuses: an emptied note is "".
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVector<Note> selectNotes(const QSqlDatabase &db, const QString &sql, const QStringList &bindings, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QString &binding : bindings)
        query.addBindValue(binding);
    QVector<Note> result;
    if (!query.exec()) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append(Note{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                           QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs)});
    }
    return result;
}

}  // namespace

namespace NoteVersionTable {

bool redateImpossible(const QSqlDatabase &db, const QString &courseId, const QString &pageId, const QDateTime &now, QString *error)
{
    return AnswerVersionTable::redateImpossibleIn(db, QStringLiteral("note_versions"), QStringLiteral("page_id"), courseId, pageId,
                                                  now, error);
}

std::optional<Note> current(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error)
{
    const QVector<Note> found = selectNotes(
        db, QStringLiteral("SELECT %1 FROM note_versions WHERE course_id = ? AND page_id = ? ORDER BY updated DESC, id DESC LIMIT 1")
                .arg(kColumns),
        {courseId, pageId}, error);
    return found.isEmpty() ? std::nullopt : std::optional<Note>(found.first());
}

QVector<Note> currentOfCourse(const QSqlDatabase &db, const QString &courseId, QString *error)
{
    return selectNotes(
        db,
        QStringLiteral("SELECT %1 FROM (SELECT *, row_number() OVER (PARTITION BY page_id ORDER BY updated DESC, id DESC)"
                       " AS newness FROM note_versions WHERE course_id = ?) WHERE newness = 1 AND text <> ''").arg(kColumns),
        {courseId}, error);
}

QVector<Note> history(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error)
{
    return selectNotes(
        db, QStringLiteral("SELECT %1 FROM note_versions WHERE course_id = ? AND page_id = ? ORDER BY updated DESC, id DESC").arg(kColumns),
        {courseId, pageId}, error);
}

qint64 currentId(const QSqlDatabase &db, const QString &courseId, const QString &pageId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM note_versions WHERE course_id = ? AND page_id = ? ORDER BY updated DESC, id DESC LIMIT 1"));
    query.addBindValue(courseId);
    query.addBindValue(pageId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

bool insert(const QSqlDatabase &db, const Note &note, QString *error, qint64 *rowId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO note_versions (%1) VALUES (?, ?, ?, ?)").arg(kColumns));
    query.addBindValue(note.courseId);
    query.addBindValue(note.pageId);
    query.addBindValue(notNull(note.text));
    query.addBindValue(AnswerVersionTable::isoUtc(note.updated));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (rowId)
        *rowId = query.lastInsertId().toLongLong();
    return true;
}

bool update(const QSqlDatabase &db, qint64 rowId, const Note &note, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE note_versions SET text = ?, updated = ? WHERE id = ?"));
    query.addBindValue(notNull(note.text));
    query.addBindValue(AnswerVersionTable::isoUtc(note.updated));
    query.addBindValue(rowId);
    if (query.exec() && query.numRowsAffected() == 1)
        return true;
    *error = query.lastError().text().isEmpty() ? QStringLiteral("the version to update is gone") : query.lastError().text();
    return false;
}

}  // namespace NoteVersionTable
