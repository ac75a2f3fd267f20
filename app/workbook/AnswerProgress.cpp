#include "AnswerProgress.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

bool AnswerProgress::hasContent(const QJsonValue &value)
{
    if (value.isString())
        return !value.toString().trimmed().isEmpty();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &v) { return hasContent(v); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(), [](const QJsonValue &v) { return hasContent(v); });
    }
    return false;
}

AnswerProgress::Stage AnswerProgress::of(const Answer *answer)
{
    if (!answer)
        return Stage::NotStarted;
    if (answer->done)
        return Stage::Done;
    return hasContent(answer->value) ? Stage::InProgress : Stage::NotStarted;
}

QString AnswerProgress::label(Stage stage)
{
    switch (stage) {
    case Stage::NotStarted:
        return QCoreApplication::translate("AnswerProgress", "Not started");
    case Stage::InProgress:
        return QCoreApplication::translate("AnswerProgress", "In progress");
    case Stage::Done:
        break;
    }
    return QCoreApplication::translate("AnswerProgress", "Done");
}

QString AnswerProgress::cssName(Stage stage)
{
    switch (stage) {
    case Stage::NotStarted:
        return QStringLiteral("not-started");
    case Stage::InProgress:
        return QStringLiteral("in-progress");
    case Stage::Done:
        break;
    }
    return QStringLiteral("done");
}
