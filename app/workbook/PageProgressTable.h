#pragma once

#include "PageProgress.h"

#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

// The rows of page_progress (AnswerSchema creates it): one per page of a course the learner
// has opened or marked. Reads return what they found and set *error when the query fails.
namespace PageProgressTable {

QVector<PageProgress> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error);  // any order
std::optional<PageProgress> find(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error);
// Inserts or replaces the row of progress.pageId.
bool write(const QSqlDatabase &db, const QString &courseId, const PageProgress &progress, QString *error);

// What an import keeps of a page: visited if either was; the newer mark; the newer reading
// position. Nothing the learner did here is lost to an older file.
PageProgress merged(const PageProgress &local, const PageProgress &incoming);

}  // namespace PageProgressTable
