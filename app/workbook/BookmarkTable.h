#pragma once

#include "Bookmark.h"

#include <QString>
#include <QVector>

class QSqlDatabase;

// The rows of bookmarks (AnswerSchema creates it): one per bookmarked page or heading.
// Reads return what they found and set *error when the query fails.
namespace BookmarkTable {

QVector<Bookmark> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error);  // oldest first
// Adds the bookmark unless its place is bookmarked already (*added tells which).
bool insert(const QSqlDatabase &db, const Bookmark &bookmark, bool *added, QString *error);
bool remove(const QSqlDatabase &db, const QString &courseId, const QString &pageId, const QString &anchor, bool *removed,
            QString *error);

}  // namespace BookmarkTable
