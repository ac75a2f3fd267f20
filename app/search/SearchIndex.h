#pragma once

#include "SearchHit.h"

#include <QString>
#include <QStringList>
#include <QVector>

class Course;

// The full-text index of a course's pages and of the learner's answers and notes, kept in the
// answers database (answers.sqlite, schema 4: search_documents and its FTS5 index search_fts).
// Answers and notes are indexed by triggers in the transaction that saves them; pages by
// updateCourse(). One per thread: it opens its own connection to the database.
class SearchIndex
{
public:
    explicit SearchIndex(const QString &databasePath);
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    // Opens (and migrates, like AnswerStore) the database; false + *error when it cannot.
    bool open(QString *error);
    // Re-indexes the course's pages only when they changed since the last call (CourseFingerprint:
    // the pages' loaded text, and the size and date of the files they include; kept in the
    // database), all pages in one transaction. Call it again after loading the course again.
    bool updateCourse(const Course &course, QString *error);
    // The best `limit` hits for what the learner typed, best first; none for blank text. The
    // text is never passed to FTS5 as syntax: each word is searched as typed, the last as a prefix.
    QVector<SearchHit> search(const Course &course, const QString &userText, int limit, QString *error) const;
    // The words to highlight in a page, accents as typed.
    static QStringList matchTerms(const QString &userText);

    // How many times updateCourse() has rebuilt a course's pages through this index (tests
    // and the bench tell a rebuild from a skipped one by it).
    int rebuildCount() const { return m_rebuilds; }

private:
    QString m_databasePath;
    QString m_connectionName;
    int m_rebuilds = 0;
};
