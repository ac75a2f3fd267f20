#include "PageProgressTable.h"

#include "AnswerVersionTable.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

const QString kColumns = QStringLiteral("page_id, visited, mark, mark_updated, anchor, anchor_offset, read");

QString isoOrNull(const QDateTime &time)
{
    return time.isValid() ? AnswerVersionTable::isoUtc(time) : QString();
}

// Qt binds a null QString as SQL NULL, which the NOT NULL text columns refuse.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QDateTime fromIso(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QVector<PageProgress> select(const QSqlDatabase &db, const QString &where, const QStringList &bindings, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM page_progress WHERE %2").arg(kColumns, where));
    for (const QString &binding : bindings)
        query.addBindValue(binding);
    QVector<PageProgress> result;
    if (!query.exec()) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        PageProgress page;
        page.pageId = query.value(0).toString();
        page.visited = query.value(1).toBool();
        PageProgress::markFromName(query.value(2).toString(), &page.mark);
        page.markUpdated = fromIso(query.value(3));
        page.anchor = query.value(4).toString();
        page.offset = query.value(5).toDouble();
        page.read = fromIso(query.value(6));
        result.append(page);
    }
    return result;
}

}  // namespace

namespace PageProgressTable {

QVector<PageProgress> ofCourse(const QSqlDatabase &db, const QString &courseId, QString *error)
{
    return select(db, QStringLiteral("course_id = ?"), {courseId}, error);
}

std::optional<PageProgress> find(const QSqlDatabase &db, const QString &courseId, const QString &pageId, QString *error)
{
    const QVector<PageProgress> rows = select(db, QStringLiteral("course_id = ? AND page_id = ?"), {courseId, pageId}, error);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

bool write(const QSqlDatabase &db, const QString &courseId, const PageProgress &progress, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO page_progress (course_id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    const QString markUpdated = isoOrNull(progress.markUpdated);
    const QString read = isoOrNull(progress.read);
    query.addBindValue(courseId);
    query.addBindValue(progress.pageId);
    query.addBindValue(progress.visited ? 1 : 0);
    query.addBindValue(notNull(PageProgress::markName(progress.mark)));
    query.addBindValue(markUpdated.isEmpty() ? QVariant() : QVariant(markUpdated));
    query.addBindValue(notNull(progress.anchor));
    query.addBindValue(progress.offset);
    query.addBindValue(read.isEmpty() ? QVariant() : QVariant(read));
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

PageProgress merged(const PageProgress &local, const PageProgress &incoming)
{
    PageProgress result = local;
    result.visited = local.visited || incoming.visited;
    if (incoming.markUpdated.isValid() && (!local.markUpdated.isValid() || incoming.markUpdated > local.markUpdated)) {
        result.mark = incoming.mark;
        result.markUpdated = incoming.markUpdated;
    }
    if (incoming.read.isValid() && (!local.read.isValid() || incoming.read > local.read)) {
        result.anchor = incoming.anchor;
        result.offset = incoming.offset;
        result.read = incoming.read;
    }
    return result;
}

}  // namespace PageProgressTable
