#pragma once

#include <QString>
#include <QVariant>

class QSqlDatabase;

// One-off statements without bindings (pragmas, schema steps, transaction control).
namespace SqlStatement {

// False + *error (SQLite's text) when the statement fails.
bool exec(const QSqlDatabase &db, const QString &sql, QString *error);
// The first column of the first row; invalid + *error when there is none.
QVariant scalar(const QSqlDatabase &db, const QString &sql, QString *error);

}  // namespace SqlStatement
