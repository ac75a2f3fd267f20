#include "BookmarkTable.h"

#include "AnswerVersionTable.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// Qt binds a null QString as NULL, which the NOT NULL columns refuse: the page's own anchor is "".
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

}  // namespace

namespace BookmarkTable {

QVector<Bookmark> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT course_id, page_id, anchor, title, created FROM bookmarks WHERE course_id = ?"
                                 " ORDER BY created, page_id, anchor"));
    query.addBindValue(courseId);
    QVector<Bookmark> result;
    if (!query.exec()) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append(Bookmark{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                               query.value(3).toString(), QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs)});
    }
    return result;
}

bool insert(const QSqlDatabase &db, const Bookmark &bookmark, bool *added, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO bookmarks (course_id, page_id, anchor, title, created) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(bookmark.courseId);
    query.addBindValue(bookmark.pageId);
    query.addBindValue(notNull(bookmark.anchor));
    query.addBindValue(notNull(bookmark.title));
    query.addBindValue(AnswerVersionTable::isoUtc(bookmark.created));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *added = query.numRowsAffected() == 1;
    return true;
}

bool remove(const QSqlDatabase &db, const QString &courseId, const QString &pageId, const QString &anchor, bool *removed,
            QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM bookmarks WHERE course_id = ? AND page_id = ? AND anchor = ?"));
    query.addBindValue(courseId);
    query.addBindValue(pageId);
    query.addBindValue(notNull(anchor));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *removed = query.numRowsAffected() == 1;
    return true;
}

}  // namespace BookmarkTable
