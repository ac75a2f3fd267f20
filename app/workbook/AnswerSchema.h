#pragma once

#include <QString>

class QSqlDatabase;

// The tables of answers.sqlite, versioned by PRAGMA user_version (AnswerStore::kSchemaVersion).
namespace AnswerSchema {

// The file's user_version; 0 + *error when it cannot be read.
int version(const QSqlDatabase &db, QString *error);
// Brings the file to kSchemaVersion: the missing steps and the new user_version in one
// IMMEDIATE transaction, so a file is never half-migrated. Refuses a newer file.
bool migrate(const QSqlDatabase &db, QString *error);

}  // namespace AnswerSchema
