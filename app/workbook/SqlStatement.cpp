#include "SqlStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace SqlStatement {

bool exec(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        *error = query.lastError().text();
        return {};
    }
    return query.value(0);
}

}  // namespace SqlStatement
