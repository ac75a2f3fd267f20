#include "WorkshopRecordTable.h"

#include "AnswerVersionTable.h"
#include "SqlStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

const QString kSelect = QStringLiteral("SELECT id, course_id, module_id, name, created FROM workshop_records ");

QVector<WorkshopRecord> select(const QSqlDatabase &db, const QString &where, const QString &binding, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Created dates are isoUtc's fixed width: as text they sort in time; rowid breaks a tie.
    query.prepare(kSelect + where + QStringLiteral(" ORDER BY created DESC, rowid DESC"));
    query.addBindValue(binding);
    QVector<WorkshopRecord> records;
    if (!query.exec()) {
        *error = query.lastError().text();
        return records;
    }
    while (query.next()) {
        QDateTime created = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
        records.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                        created.toUTC()});
    }
    return records;
}

}  // namespace

namespace WorkshopRecordTable {

bool ensure(const QSqlDatabase &db, QString *error)
{
    return SqlStatement::exec(db,
                              QStringLiteral("CREATE TABLE IF NOT EXISTS workshop_records ("
                                             " id TEXT PRIMARY KEY,"
                                             " course_id TEXT NOT NULL,"
                                             " module_id TEXT NOT NULL,"
                                             " name TEXT NOT NULL,"
                                             " created TEXT NOT NULL"  // ISO-8601 UTC with ms
                                             ")"),
                              error);
}

bool insert(const QSqlDatabase &db, const WorkshopRecord &record, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO workshop_records (id, course_id, module_id, name, created) VALUES (?, ?, ?, ?, ?)"));
    for (const QString &value : {record.id, record.courseId, record.moduleId, record.name, AnswerVersionTable::isoUtc(record.created)})
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

QVector<WorkshopRecord> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error)
{
    return select(db, QStringLiteral("WHERE course_id = ?"), courseId, error);
}

std::optional<WorkshopRecord> find(const QSqlDatabase &db, const QString &recordId, QString *error)
{
    const QVector<WorkshopRecord> found = select(db, QStringLiteral("WHERE id = ?"), recordId, error);
    return found.isEmpty() ? std::nullopt : std::optional<WorkshopRecord>(found.first());
}

bool rename(const QSqlDatabase &db, const QString &recordId, const QString &name, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE workshop_records SET name = ? WHERE id = ?"));
    query.addBindValue(name);
    query.addBindValue(recordId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

}  // namespace WorkshopRecordTable
