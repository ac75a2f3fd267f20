#include "ProgressJson.h"

#include "AnswerJson.h"
#include "AnswerVersionTable.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AnswerJson", text);
}

QJsonValue isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(AnswerVersionTable::isoUtc(time)) : QJsonValue();
}

// A date or null into *time; the problem with it otherwise.
QString readDate(const QJsonValue &value, const QString &path, QDateTime *time)
{
    if (value.isNull() || value.isUndefined()) {
        *time = QDateTime();
        return {};
    }
    *time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
    return value.isString() && time->isValid() ? QString() : AnswerJson::typeProblem(value, path, tr("an ISO-8601 date or null"));
}

QString readEntry(const QJsonObject &object, const QString &path, PageProgress *page)
{
    const auto at = [&](const char *key) { return path + QLatin1Char('.') + QLatin1String(key); };
    const QJsonValue id = object.value(QStringLiteral("page"));
    if (!id.isString() || id.toString().isEmpty())
        return id.isString() ? tr("%1 is empty").arg(at("page")) : AnswerJson::typeProblem(id, at("page"), tr("a string"));
    if (QString problem = AnswerJson::idProblem(id.toString(), at("page")); !problem.isEmpty())
        return problem;
    page->pageId = id.toString();

    const QJsonValue visited = object.value(QStringLiteral("visited"));
    if (!visited.isBool())
        return AnswerJson::typeProblem(visited, at("visited"), tr("true or false"));
    page->visited = visited.toBool();
    const QJsonValue mark = object.value(QStringLiteral("mark"));
    if (!mark.isString() || !PageProgress::markFromName(mark.toString(), &page->mark))
        return AnswerJson::typeProblem(mark, at("mark"), tr("\"\", \"done\" or \"not-done\""));
    if (QString problem = readDate(object.value(QStringLiteral("marked")), at("marked"), &page->markUpdated); !problem.isEmpty())
        return problem;

    const QJsonValue anchor = object.value(QStringLiteral("anchor"));
    if (!anchor.isString())
        return AnswerJson::typeProblem(anchor, at("anchor"), tr("a string"));
    if (QString problem = AnswerJson::idProblem(anchor.toString(), at("anchor")); !problem.isEmpty())
        return problem;
    page->anchor = anchor.toString();
    const QJsonValue offset = object.value(QStringLiteral("offset"));
    if (!offset.isDouble() || offset.toDouble() < 0 || offset.toDouble() > 1)
        return AnswerJson::typeProblem(offset, at("offset"), tr("a number from 0 to 1"));
    page->offset = offset.toDouble();
    return readDate(object.value(QStringLiteral("read")), at("read"), &page->read);
}

}  // namespace

namespace ProgressJson {

QJsonArray write(const QVector<PageProgress> &progress)
{
    QVector<PageProgress> sorted = progress;
    std::sort(sorted.begin(), sorted.end(), [](const PageProgress &a, const PageProgress &b) { return a.pageId < b.pageId; });
    QJsonArray list;
    for (const PageProgress &page : std::as_const(sorted)) {
        list.append(QJsonObject{{QStringLiteral("page"), page.pageId},
                                {QStringLiteral("visited"), page.visited},
                                {QStringLiteral("mark"), PageProgress::markName(page.mark)},
                                {QStringLiteral("marked"), isoOrNull(page.markUpdated)},
                                {QStringLiteral("anchor"), page.anchor},
                                {QStringLiteral("offset"), page.offset},
                                {QStringLiteral("read"), isoOrNull(page.read)}});
    }
    return list;
}

bool read(const QJsonValue &list, QVector<PageProgress> *progress, QString *error)
{
    if (!list.isArray()) {
        *error = AnswerJson::typeProblem(list, QStringLiteral("progress"), tr("an array"));
        return false;
    }
    QVector<PageProgress> result;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("progress[%1]").arg(i);
        PageProgress page;
        QString problem = array.at(i).isObject() ? readEntry(array.at(i).toObject(), path, &page) : tr("%1 is not an object").arg(path);
        if (problem.isEmpty() && seen.contains(page.pageId))
            problem = tr("%1.page \"%2\" is listed twice").arg(path, page.pageId);
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
        seen.insert(page.pageId);
        result.append(page);
    }
    *progress = result;
    return true;
}

}  // namespace ProgressJson
