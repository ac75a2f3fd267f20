#include "NoteJson.h"

#include "AnswerJson.h"
#include "AnswerVersionTable.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AnswerJson", text);
}

QString at(const QString &path, const char *key)
{
    return path + QLatin1Char('.') + QLatin1String(key);
}

// A string member into *text: an id (no control or bidi characters) when `isId`, non-empty when `required`.
QString readString(const QJsonObject &object, const QString &path, const char *key, bool isId, bool required, QString *text)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString())
        return AnswerJson::typeProblem(value, at(path, key), tr("a string"));
    if (required && value.toString().isEmpty())
        return tr("%1 is empty").arg(at(path, key));
    if (isId) {
        if (QString problem = AnswerJson::idProblem(value.toString(), at(path, key)); !problem.isEmpty())
            return problem;
    }
    *text = value.toString();
    return {};
}

QString readDate(const QJsonObject &object, const QString &path, const char *key, QDateTime *time)
{
    const QJsonValue value = object.value(QLatin1String(key));
    *time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
    return value.isString() && time->isValid() ? QString() : AnswerJson::typeProblem(value, at(path, key), tr("an ISO-8601 date"));
}

// Reads each object of the array `name` with readEntry, refusing a second entry with the same key.
template<typename T>
bool readList(const QJsonValue &list, const QString &name, const std::function<QString(const QJsonObject &, const QString &, T *)> &readEntry,
              const std::function<QString(const T &)> &key, QVector<T> *out, QString *error)
{
    if (!list.isArray()) {
        *error = AnswerJson::typeProblem(list, name, tr("an array"));
        return false;
    }
    QVector<T> result;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(name).arg(i);
        T entry;
        QString problem = array.at(i).isObject() ? readEntry(array.at(i).toObject(), path, &entry) : tr("%1 is not an object").arg(path);
        if (problem.isEmpty() && seen.contains(key(entry)))
            problem = tr("%1 is listed twice").arg(path);
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
        seen.insert(key(entry));
        result.append(entry);
    }
    *out = result;
    return true;
}

}  // namespace

namespace NoteJson {

QJsonArray writeNotes(const QVector<Note> &notes)
{
    QVector<Note> sorted = notes;
    std::sort(sorted.begin(), sorted.end(), [](const Note &a, const Note &b) { return a.pageId < b.pageId; });
    QJsonArray list;
    for (const Note &note : std::as_const(sorted)) {
        list.append(QJsonObject{{QStringLiteral("page"), note.pageId},
                                {QStringLiteral("text"), note.text},
                                {QStringLiteral("updated"), AnswerVersionTable::isoUtc(note.updated)}});
    }
    return list;
}

QJsonArray writeBookmarks(const QVector<Bookmark> &bookmarks)
{
    QVector<Bookmark> sorted = bookmarks;
    std::sort(sorted.begin(), sorted.end(),
              [](const Bookmark &a, const Bookmark &b) { return std::tie(a.pageId, a.anchor) < std::tie(b.pageId, b.anchor); });
    QJsonArray list;
    for (const Bookmark &bookmark : std::as_const(sorted)) {
        list.append(QJsonObject{{QStringLiteral("page"), bookmark.pageId},
                                {QStringLiteral("anchor"), bookmark.anchor},
                                {QStringLiteral("title"), bookmark.title},
                                {QStringLiteral("created"), AnswerVersionTable::isoUtc(bookmark.created)}});
    }
    return list;
}

bool readNotes(const QJsonValue &list, QVector<Note> *notes, QString *error)
{
    const auto entry = [](const QJsonObject &object, const QString &path, Note *note) {
        QString problem = readString(object, path, "page", true, true, &note->pageId);
        if (problem.isEmpty())
            problem = readString(object, path, "text", false, false, &note->text);
        return problem.isEmpty() ? readDate(object, path, "updated", &note->updated) : problem;
    };
    return readList<Note>(list, QStringLiteral("notes"), entry, [](const Note &n) { return n.pageId; }, notes, error);
}

bool readBookmarks(const QJsonValue &list, QVector<Bookmark> *bookmarks, QString *error)
{
    const auto entry = [](const QJsonObject &object, const QString &path, Bookmark *bookmark) {
        QString problem = readString(object, path, "page", true, true, &bookmark->pageId);
        if (problem.isEmpty())
            problem = readString(object, path, "anchor", true, false, &bookmark->anchor);
        if (problem.isEmpty())
            problem = readString(object, path, "title", true, false, &bookmark->title);
        return problem.isEmpty() ? readDate(object, path, "created", &bookmark->created) : problem;
    };
    return readList<Bookmark>(list, QStringLiteral("bookmarks"), entry,
                              [](const Bookmark &b) { return b.pageId + QChar(0x1f) + b.anchor; }, bookmarks, error);
}

}  // namespace NoteJson
