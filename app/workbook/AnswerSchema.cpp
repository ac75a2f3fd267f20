#include "AnswerSchema.h"

#include "AnswerStore.h"
#include "ImmediateTransaction.h"
#include "SqlStatement.h"

#include <QStringList>

#include <array>

namespace {

// The statements that bring the index of one answer (or note) up to its current text.
QString reindexAnswer(const QString &row)
{
    return QStringLiteral("DELETE FROM search_documents WHERE kind = 'answer' AND course_id = %1.course_id"
                          " AND page_id = '' AND ref = %1.activity_id;"
                          " INSERT INTO search_documents (course_id, kind, page_id, ref, title, headings, body)"
                          " SELECT course_id, 'answer', '', activity_id, '', '', text FROM search_answer_text"
                          " WHERE course_id = %1.course_id AND activity_id = %1.activity_id AND text <> '';")
        .arg(row);
}

QString reindexNote(const QString &row)
{
    return QStringLiteral("DELETE FROM search_documents WHERE kind = 'note' AND course_id = %1.course_id"
                          " AND page_id = %1.page_id AND ref = '';"
                          " INSERT INTO search_documents (course_id, kind, page_id, ref, title, headings, body)"
                          " SELECT course_id, 'note', page_id, '', '', '', text FROM search_note_text"
                          " WHERE course_id = %1.course_id AND page_id = %1.page_id AND text <> '';")
        .arg(row);
}

// Every write to answer_versions or note_versions (a save, a burst rewritten in place, a
// restore, an import, a deletion) re-indexes the answer or note it touched.
QStringList indexTriggers()
{
    QStringList triggers;
    const QList<std::pair<QString, QString (*)(const QString &)>> tables = {
        {QStringLiteral("answer_versions"), reindexAnswer}, {QStringLiteral("note_versions"), reindexNote}};
    for (const auto &[table, reindex] : tables) {
        triggers << QStringLiteral("CREATE TRIGGER %1_search_ai AFTER INSERT ON %1 BEGIN %2 END").arg(table, reindex(QStringLiteral("new")))
                 << QStringLiteral("CREATE TRIGGER %1_search_au AFTER UPDATE ON %1 BEGIN %2 %3 END")
                        .arg(table, reindex(QStringLiteral("old")), reindex(QStringLiteral("new")))
                 << QStringLiteral("CREATE TRIGGER %1_search_ad AFTER DELETE ON %1 BEGIN %2 END").arg(table, reindex(QStringLiteral("old")));
    }
    return triggers;
}

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
    // The search index (app/search): one row per indexed piece (a section of a page, the
    // current text of an answer or of a note) and its FTS5 index over title, headings and
    // body, weighted in that order. Triggers index answers and notes in the transaction that
    // saves them, whoever writes the file; SearchIndex indexes pages.
    QStringList{
        QStringLiteral("CREATE TABLE search_documents ("
                       " id INTEGER PRIMARY KEY,"
                       " course_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL CHECK (kind IN ('page', 'answer', 'note')),"
                       " page_id TEXT NOT NULL,"  // '' for an answer: search_activities knows its page
                       " ref TEXT NOT NULL,"      // page: '' (the page), '#' + a heading id (a section); answer: the activity id
                       " title TEXT NOT NULL,"
                       " headings TEXT NOT NULL,"
                       " body TEXT NOT NULL,"
                       " UNIQUE (course_id, kind, page_id, ref)"
                       ")"),
        QStringLiteral("CREATE VIRTUAL TABLE search_fts USING fts5(title, headings, body,"
                       " content='search_documents', content_rowid='id',"
                       " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"),
        QStringLiteral("INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(10.0, 5.0, 1.0)')"),
        QStringLiteral("CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN"
                       " INSERT INTO search_fts(rowid, title, headings, body) VALUES (new.id, new.title, new.headings, new.body);"
                       " END"),
        QStringLiteral("CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN"
                       " INSERT INTO search_fts(search_fts, rowid, title, headings, body)"
                       " VALUES ('delete', old.id, old.title, old.headings, old.body);"
                       " END"),
        QStringLiteral("CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN"
                       " INSERT INTO search_fts(search_fts, rowid, title, headings, body)"
                       " VALUES ('delete', old.id, old.title, old.headings, old.body);"
                       " INSERT INTO search_fts(rowid, title, headings, body) VALUES (new.id, new.title, new.headings, new.body);"
                       " END"),
        // Which page holds each activity, and the course files the pages were indexed from.
        QStringLiteral("CREATE TABLE search_activities ("
                       " course_id TEXT NOT NULL, activity_id TEXT NOT NULL, page_id TEXT NOT NULL,"
                       " PRIMARY KEY (course_id, activity_id))"),
        QStringLiteral("CREATE TABLE search_courses (course_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)"),
        // The current text of each answer and note: the string leaves of the answer's JSON
        // (a value that is not JSON counts as no text rather than failing the save), the
        // note's text; the match markers of snippets are taken out.
        QStringLiteral("CREATE VIEW search_answer_text AS"
                       " SELECT v.course_id, v.activity_id,"
                       "  replace(replace(coalesce((SELECT group_concat(j.value, ' ') FROM json_tree("
                       "   CASE WHEN json_valid(v.value) THEN v.value ELSE '{}' END) AS j WHERE j.type = 'text'), ''),"
                       "   char(57344), ''), char(57345), '') AS text"
                       " FROM answer_versions AS v"
                       " WHERE v.id = (SELECT w.id FROM answer_versions AS w WHERE w.course_id = v.course_id"
                       "  AND w.activity_id = v.activity_id ORDER BY w.updated DESC, w.id DESC LIMIT 1)"),
        QStringLiteral("CREATE VIEW search_note_text AS"
                       " SELECT v.course_id, v.page_id, replace(replace(v.text, char(57344), ''), char(57345), '') AS text"
                       " FROM note_versions AS v"
                       " WHERE v.id = (SELECT w.id FROM note_versions AS w WHERE w.course_id = v.course_id"
                       "  AND w.page_id = v.page_id ORDER BY w.updated DESC, w.id DESC LIMIT 1)"),
        QStringLiteral("INSERT INTO search_documents (course_id, kind, page_id, ref, title, headings, body)"
                       " SELECT course_id, 'answer', '', activity_id, '', '', text FROM search_answer_text WHERE text <> ''"),
        QStringLiteral("INSERT INTO search_documents (course_id, kind, page_id, ref, title, headings, body)"
                       " SELECT course_id, 'note', page_id, '', '', '', text FROM search_note_text WHERE text <> ''"),
    } + indexTriggers(),
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
