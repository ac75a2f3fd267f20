#include "AnswerJson.h"

#include "StoreLog.h"

#include "ActivitySpec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

const QString kFormat = QStringLiteral("coursebook-answers");

QString index(const QString &path, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

QString member(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// "course is missing" reads better than "course is not a string" when there is none.
QString notA(const QJsonValue &value, const QString &path, const QString &expected)
{
    return value.isUndefined() ? QStringLiteral("%1 is missing").arg(path) : QStringLiteral("%1 is not %2").arg(path, expected);
}

QString stringProblem(const QJsonObject &object, const QString &path, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? QString() : notA(value, member(path, key), QStringLiteral("a string"));
}

QString kwlProblem(const QJsonObject &value, const QString &path)
{
    if (QString problem = stringProblem(value, path, QStringLiteral("experience")); !problem.isEmpty())
        return problem;
    const QJsonValue rows = value.value(QStringLiteral("rows"));
    const QString rowsPath = member(path, QStringLiteral("rows"));
    if (!rows.isArray())
        return notA(rows, rowsPath, QStringLiteral("an array"));
    const QJsonArray array = rows.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString rowPath = index(rowsPath, i);
        if (!array.at(i).isObject())
            return QStringLiteral("%1 is not an object").arg(rowPath);
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
        return notA(cells, cellsPath, QStringLiteral("an array of rows"));
    const QJsonArray rows = cells.toArray();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QString rowPath = index(cellsPath, r);
        if (!rows.at(r).isArray())
            return QStringLiteral("%1 is not an array of cells").arg(rowPath);
        const QJsonArray row = rows.at(r).toArray();
        for (qsizetype c = 0; c < row.size(); ++c) {
            // Text and choices are strings, fixed cells null; a total may be kept as a number.
            const QJsonValue cell = row.at(c);
            if (!cell.isString() && !cell.isNull() && !cell.isDouble())
                return QStringLiteral("%1 is not a string, number or null").arg(index(rowPath, c));
        }
    }
    return {};
}

}  // namespace

QString AnswerJson::valueProblem(const QString &kind, const QJsonObject &value, const QString &path)
{
    ActivitySpec::Kind parsed;
    if (!ActivitySpec::kindFromName(kind, &parsed))
        return QStringLiteral("kind \"%1\" is not one of kwl, reflection, worksheet, response").arg(kind);
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

QByteArray AnswerJson::write(const QString &courseId, const QVector<Answer> &answers)
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
                           {QStringLiteral("answers"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool AnswerJson::read(const QByteArray &json, QString *courseId, QVector<Answer> *answers, QString *error)
{
    auto fail = [&](const QString &message) {
        qCWarning(lcStore).noquote() << "answers file refused:" << message;
        *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject root = document.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != kFormat)
        return fail(notA(format, QStringLiteral("format"), QStringLiteral("\"%1\"").arg(kFormat)));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return fail(notA(version, QStringLiteral("version"), QStringLiteral("a number")));
    if (version.toDouble() != kVersion)
        return fail(QStringLiteral("version %1 is not supported (this Coursebook reads version %2)").arg(version.toDouble()).arg(kVersion));
    const QJsonValue course = root.value(QStringLiteral("course"));
    if (!course.isString() || course.toString().isEmpty())
        return fail(course.isString() ? QStringLiteral("course is empty") : notA(course, QStringLiteral("course"), QStringLiteral("a string")));
    const QJsonValue list = root.value(QStringLiteral("answers"));
    if (!list.isArray())
        return fail(notA(list, QStringLiteral("answers"), QStringLiteral("an array")));

    QVector<Answer> result;
    QHash<QString, qsizetype> seen;  // activity id -> index, to reject a second answer to one activity
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = index(QStringLiteral("answers"), i);
        if (!array.at(i).isObject())
            return fail(QStringLiteral("%1 is not an object").arg(path));
        const QJsonObject object = array.at(i).toObject();
        Answer answer;
        answer.courseId = course.toString();

        const QJsonValue activity = object.value(QStringLiteral("activity"));
        if (!activity.isString() || activity.toString().isEmpty())
            return fail(activity.isString() ? QStringLiteral("%1.activity is empty").arg(path)
                                            : notA(activity, member(path, QStringLiteral("activity")), QStringLiteral("a string")));
        answer.activityId = activity.toString();
        if (seen.contains(answer.activityId))
            return fail(QStringLiteral("%1.activity \"%2\" was already answered in %3")
                            .arg(path, answer.activityId, index(QStringLiteral("answers"), seen.value(answer.activityId))));
        seen.insert(answer.activityId, i);

        const QJsonValue kind = object.value(QStringLiteral("kind"));
        ActivitySpec::Kind parsedKind;
        if (!kind.isString())
            return fail(notA(kind, member(path, QStringLiteral("kind")), QStringLiteral("a string")));
        if (!ActivitySpec::kindFromName(kind.toString(), &parsedKind))
            return fail(QStringLiteral("%1.kind \"%2\" is not one of kwl, reflection, worksheet, response").arg(path, kind.toString()));
        answer.kind = kind.toString();

        const QJsonValue updated = object.value(QStringLiteral("updated"));
        answer.updated = QDateTime::fromString(updated.toString(), Qt::ISODateWithMs).toUTC();
        if (!updated.isString() || !answer.updated.isValid())
            return fail(notA(updated, member(path, QStringLiteral("updated")), QStringLiteral("an ISO-8601 date")));

        const QJsonValue done = object.value(QStringLiteral("done"));
        if (!done.isBool())
            return fail(notA(done, member(path, QStringLiteral("done")), QStringLiteral("true or false")));
        answer.done = done.toBool();

        const QJsonValue value = object.value(QStringLiteral("value"));
        if (!value.isObject())
            return fail(notA(value, member(path, QStringLiteral("value")), QStringLiteral("an object")));
        answer.value = value.toObject();
        if (const QString problem = valueProblem(answer.kind, answer.value, member(path, QStringLiteral("value"))); !problem.isEmpty())
            return fail(problem);
        result.append(answer);
    }
    *courseId = course.toString();
    *answers = result;
    return true;
}
