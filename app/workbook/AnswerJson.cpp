#include "AnswerJson.h"

#include "StoreLog.h"

#include "ActivitySpec.h"
#include "NoteJson.h"
#include "ProgressJson.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

const QString kFormat = QStringLiteral("coursebook-answers");

// No clock that was ever set produced a date before the Unix epoch (a clock that lost its
// setting reads 1970 or 2000), so an earlier one was made up by hand or by a program.
const QDateTime kEarliest(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);

QString tr(const char *text)
{
    return QCoreApplication::translate("AnswerJson", text);
}

// Characters that would let a string from the file rewrite what a message around it says:
// line breaks start a line of their own (a forged summary), other controls and the bidi
// overrides move or hide text.
bool isForging(QChar c)
{
    const char16_t u = c.unicode();
    return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph
        || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
}

QString codePoint(QChar c)
{
    return QStringLiteral("U+") + QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

// `text` for a message: the forging characters written as \uXXXX.
QString printable(const QString &text)
{
    QString shown;
    for (const QChar c : text)
        shown += isForging(c) ? QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')) : QString(c);
    return shown;
}


// JSON allows control characters in a string only escaped, and none but white space between
// values; QJsonDocument accepts them raw, and a raw NUL or line break would reach the store.
QString rawControlProblem(const QByteArray &json)
{
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json.at(i));
        const bool whiteSpace = c == '\t' || c == '\n' || c == '\r';
        if (c < 0x20 && (inString || !whiteSpace))
            return tr("not JSON: a raw control character (%1) at offset %2 (JSON allows one only escaped, inside a string)")
                .arg(codePoint(QChar(char16_t(c)))).arg(i);
        if (escaped)
            escaped = false;
        else if (inString && c == '\\')
            escaped = true;
        else if (c == '"')
            inString = !inString;
    }
    return {};
}

QString index(const QString &path, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

QString member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}


QString stringProblem(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? QString() : AnswerJson::typeProblem(value, member(path, key), tr("a string"));
}

QString kwlProblem(const QJsonObject &value, const QString &path)
{
    if (QString problem = stringProblem(value, path, QStringLiteral("experience")); !problem.isEmpty())
        return problem;
    const QJsonValue rows = value.value(QStringLiteral("rows"));
    const QString rowsPath = member(path, QStringLiteral("rows"));
    if (!rows.isArray())
        return AnswerJson::typeProblem(rows, rowsPath, tr("an array"));
    const QJsonArray array = rows.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString rowPath = index(rowsPath, i);
        if (!array.at(i).isObject())
            return tr("%1 is not an object").arg(rowPath);
        for (const QString &key : {QStringLiteral("know"), QStringLiteral("want"), QStringLiteral("learned")}) {
            if (QString problem = stringProblem(array.at(i).toObject(), rowPath, key); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString worksheetProblem(const QJsonObject &value, const QString &path)
{
    const QJsonValue cells = value.value(QStringLiteral("cells"));
    const QString cellsPath = member(path, QStringLiteral("cells"));
    if (!cells.isArray())
        return AnswerJson::typeProblem(cells, cellsPath, tr("an array of rows"));
    const QJsonArray rows = cells.toArray();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QString rowPath = index(cellsPath, r);
        if (!rows.at(r).isArray())
            return tr("%1 is not an array of cells").arg(rowPath);
        const QJsonArray row = rows.at(r).toArray();
        for (qsizetype c = 0; c < row.size(); ++c) {
            // Text and choices are strings, fixed cells null; a total may be kept as a number.
            const QJsonValue cell = row.at(c);
            if (!cell.isString() && !cell.isNull() && !cell.isDouble())
                return tr("%1 is not a string, number or null").arg(index(rowPath, c));
        }
    }
    return {};
}

}  // namespace

QString AnswerJson::idProblem(const QString &text, const QString &path)
{
    for (const QChar c : text) {
        if (isForging(c))
            return tr("%1 contains the control character %2, which no id has").arg(path, codePoint(c));
    }
    return {};
}

// "course is missing" reads better than "course is not a string" when there is none.
QString AnswerJson::typeProblem(const QJsonValue &value, const QString &path, const QString &expected)
{
    return value.isUndefined() ? tr("%1 is missing").arg(path) : tr("%1 is not %2").arg(path, expected);
}

QString AnswerJson::valueProblem(const QString &kind, const QJsonObject &value, const QString &path)
{
    ActivitySpec::Kind parsed;
    if (!ActivitySpec::kindFromName(kind, &parsed))
        return tr("kind \"%1\" is not one of kwl, reflection, worksheet, response").arg(printable(kind));
    switch (parsed) {
    case ActivitySpec::Kind::Kwl:
        return kwlProblem(value, path);
    case ActivitySpec::Kind::Worksheet:
        return worksheetProblem(value, path);
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        return stringProblem(value, path, QStringLiteral("text"));
    }
    return {};
}

QByteArray AnswerJson::write(const QString &courseId, const QVector<Answer> &answers, const QVector<PageProgress> &progress,
                             const QVector<Note> &notes, const QVector<Bookmark> &bookmarks)
{
    QVector<Answer> sorted = answers;
    std::sort(sorted.begin(), sorted.end(), [](const Answer &a, const Answer &b) { return a.activityId < b.activityId; });
    QJsonArray list;
    for (const Answer &answer : std::as_const(sorted)) {
        list.append(QJsonObject{{QStringLiteral("activity"), answer.activityId},
                                {QStringLiteral("kind"), answer.kind},
                                {QStringLiteral("updated"), answer.updated.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("done"), answer.done},
                                {QStringLiteral("value"), answer.value}});
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("course"), courseId},
                           {QStringLiteral("answers"), list},
                           {QStringLiteral("progress"), ProgressJson::write(progress)},
                           {QStringLiteral("notes"), NoteJson::writeNotes(notes)},
                           {QStringLiteral("bookmarks"), NoteJson::writeBookmarks(bookmarks)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool AnswerJson::read(const QByteArray &json, QString *courseId, QVector<Answer> *answers, QString *error,
                      QVector<PageProgress> *progress, QVector<Note> *notes, QVector<Bookmark> *bookmarks)
{
    auto fail = [&](const QString &message) {
        qCWarning(lcStore).noquote() << "answers file refused:" << message;
        *error = message;
        return false;
    };
    if (const QString problem = rawControlProblem(json); !problem.isEmpty())
        return fail(problem);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(tr("not a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != kFormat)
        return fail(AnswerJson::typeProblem(format, QStringLiteral("format"), QStringLiteral("\"%1\"").arg(kFormat)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return fail(AnswerJson::typeProblem(version, QStringLiteral("version"), tr("a number")));
    if (version.toDouble() != 1 && version.toDouble() != 2 && version.toDouble() != kVersion)
        return fail(tr("version %1 is not supported (this Coursebook reads versions 1 to %2)").arg(version.toDouble()).arg(kVersion));
    const QJsonValue course = root.value(QStringLiteral("course"));
    if (!course.isString() || course.toString().isEmpty())
        return fail(course.isString() ? tr("course is empty") : AnswerJson::typeProblem(course, QStringLiteral("course"), tr("a string")));
    if (const QString problem = AnswerJson::idProblem(course.toString(), QStringLiteral("course")); !problem.isEmpty())
        return fail(problem);
    const QJsonValue list = root.value(QStringLiteral("answers"));
    if (!list.isArray())
        return fail(AnswerJson::typeProblem(list, QStringLiteral("answers"), tr("an array")));

    QVector<Answer> result;
    QHash<QString, qsizetype> seen;  // activity id -> index, to reject a second answer to one activity
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = index(QStringLiteral("answers"), i);
        if (!array.at(i).isObject())
            return fail(tr("%1 is not an object").arg(path));
        const QJsonObject object = array.at(i).toObject();
        Answer answer;
        answer.courseId = course.toString();

        const QJsonValue activity = object.value(QStringLiteral("activity"));
        if (!activity.isString() || activity.toString().isEmpty())
            return fail(activity.isString() ? tr("%1.activity is empty").arg(path)
                                            : AnswerJson::typeProblem(activity, member(path, QStringLiteral("activity")), tr("a string")));
        if (const QString problem = AnswerJson::idProblem(activity.toString(), member(path, QStringLiteral("activity"))); !problem.isEmpty())
            return fail(problem);
        answer.activityId = activity.toString();
        if (seen.contains(answer.activityId))
            return fail(tr("%1.activity \"%2\" was already answered in %3")
                            .arg(path, answer.activityId, index(QStringLiteral("answers"), seen.value(answer.activityId))));
        seen.insert(answer.activityId, i);

        const QJsonValue kind = object.value(QStringLiteral("kind"));
        ActivitySpec::Kind parsedKind;
        if (!kind.isString())
            return fail(AnswerJson::typeProblem(kind, member(path, QStringLiteral("kind")), tr("a string")));
        if (!ActivitySpec::kindFromName(kind.toString(), &parsedKind))
            return fail(tr("%1.kind \"%2\" is not one of kwl, reflection, worksheet, response").arg(path, printable(kind.toString())));
        answer.kind = kind.toString();

        const QJsonValue updated = object.value(QStringLiteral("updated"));
        answer.updated = QDateTime::fromString(updated.toString(), Qt::ISODateWithMs).toUTC();
        if (!updated.isString() || !answer.updated.isValid())
            return fail(AnswerJson::typeProblem(updated, member(path, QStringLiteral("updated")), tr("an ISO-8601 date")));
        if (answer.updated < kEarliest)
            return fail(tr("%1.updated %2 is before 1970, which no computer's clock gives").arg(path, updated.toString()));

        const QJsonValue done = object.value(QStringLiteral("done"));
        if (!done.isBool())
            return fail(AnswerJson::typeProblem(done, member(path, QStringLiteral("done")), tr("true or false")));
        answer.done = done.toBool();

        const QJsonValue value = object.value(QStringLiteral("value"));
        if (!value.isObject())
            return fail(AnswerJson::typeProblem(value, member(path, QStringLiteral("value")), tr("an object")));
        answer.value = value.toObject();
        if (const QString problem = valueProblem(answer.kind, answer.value, member(path, QStringLiteral("value"))); !problem.isEmpty())
            return fail(problem);
        result.append(answer);
    }
    QVector<PageProgress> pages;
    if (version.toDouble() >= 2) {
        if (QString problem; !ProgressJson::read(root.value(QStringLiteral("progress")), &pages, &problem))
            return fail(problem);
    }
    QVector<Note> pageNotes;
    QVector<Bookmark> marks;
    if (version.toDouble() >= 3) {
        if (QString problem; !NoteJson::readNotes(root.value(QStringLiteral("notes")), &pageNotes, &problem)
                             || !NoteJson::readBookmarks(root.value(QStringLiteral("bookmarks")), &marks, &problem))
            return fail(problem);
    }
    *courseId = course.toString();
    *answers = result;
    if (progress)
        *progress = pages;
    if (notes)
        *notes = pageNotes;
    if (bookmarks)
        *bookmarks = marks;
    return true;
}
