#include "AnswerSchema.h"

#include "AnswerStore.h"
#include "ImmediateTransaction.h"
#include "SqlStatement.h"

#include <QStringList>

#include <array>

namespace {

// kMigrations[v] takes the schema from version v to v + 1.
const std::array<QStringList, AnswerStore::kSchemaVersion> kMigrations = {
    QStringList{
        QStringLiteral("CREATE TABLE answer_versions ("
                       " id INTEGER PRIMARY KEY,"
                       " course_id TEXT NOT NULL,"
                       " activity_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " value TEXT NOT NULL,"  // compact JSON object
                       " done INTEGER NOT NULL CHECK (done IN (0, 1)),"
                       " updated TEXT NOT NULL"  // ISO-8601 UTC with ms: sorts as text
                       ")"),
        QStringLiteral("CREATE INDEX answer_versions_by_activity ON answer_versions (course_id, activity_id, updated, id)"),
    },
    // Where the learner stands in each page (PageProgress); answers are untouched.
    QStringList{
        QStringLiteral("CREATE TABLE page_progress ("
                       " course_id TEXT NOT NULL,"
                       " page_id TEXT NOT NULL,"
                       " visited INTEGER NOT NULL CHECK (visited IN (0, 1)),"
                       " mark TEXT NOT NULL CHECK (mark IN ('', 'done', 'not-done')),"
                       " mark_updated TEXT,"  // ISO-8601 UTC with ms; NULL when never marked
                       " anchor TEXT NOT NULL,"
                       " anchor_offset REAL NOT NULL,"
                       " read TEXT,"  // when the position was saved; NULL when never
                       " PRIMARY KEY (course_id, page_id)"
                       ")"),
    },
    // The learner's private note on each page, versioned like answers (an emptied note is a
    // version with empty text), and their bookmarks of pages and headings.
    QStringList{
        QStringLiteral("CREATE TABLE note_versions ("
                       " id INTEGER PRIMARY KEY,"
                       " course_id TEXT NOT NULL,"
                       " page_id TEXT NOT NULL,"
                       " text TEXT NOT NULL,"
                       " updated TEXT NOT NULL"  // ISO-8601 UTC with ms: sorts as text
                       ")"),
        QStringLiteral("CREATE INDEX note_versions_by_page ON note_versions (course_id, page_id, updated, id)"),
        QStringLiteral("CREATE TABLE bookmarks ("
                       " course_id TEXT NOT NULL,"
                       " page_id TEXT NOT NULL,"
                       " anchor TEXT NOT NULL,"  // a heading id; "" for the page itself
                       " title TEXT NOT NULL,"   // the page or heading title when bookmarked
                       " created TEXT NOT NULL,"
                       " PRIMARY KEY (course_id, page_id, anchor)"
                       ")"),
    },
};

}  // namespace

namespace AnswerSchema {

int version(const QSqlDatabase &db, QString *error)
{
    return SqlStatement::scalar(db, QStringLiteral("PRAGMA user_version"), error).toInt();
}

bool migrate(const QSqlDatabase &db, QString *error)
{
    if (version(db, error) == AnswerStore::kSchemaVersion)
        return error->isEmpty();

    ImmediateTransaction transaction(db);
    if (!transaction.begun()) {
        *error = transaction.error();
        return false;
    }
    // Read again inside the transaction: another Coursebook may have migrated meanwhile.
    const int found = version(db, error);
    if (!error->isEmpty())
        return false;
    if (found > AnswerStore::kSchemaVersion) {
        *error = AnswerStore::tr("a newer version of Coursebook is using this file");
        return false;
    }
    for (int step = found; step < AnswerStore::kSchemaVersion; ++step) {
        for (const QString &sql : kMigrations[step]) {
            if (!SqlStatement::exec(db, sql, error))
                return false;
        }
    }
    if (!SqlStatement::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(AnswerStore::kSchemaVersion), error))
        return false;
    if (transaction.commit())
        return true;
    *error = transaction.error();
    return false;
}

}  // namespace AnswerSchema
