#include "CourseJson.h"

#include <QJsonArray>

namespace {
QJsonObject pageOutline(const CoursePage &page, const QVector<ActivitySpec> &activitySpecs)
{
    QJsonArray activities;
    for (const ActivitySpec &activity : activitySpecs) {
        QJsonObject entry{{QStringLiteral("id"), activity.id},
                          {QStringLiteral("kind"), ActivitySpec::kindName(activity.kind)},
                          {QStringLiteral("title"), activity.title}};
        if (activity.revisit)
            entry.insert(QStringLiteral("revisit"), true);
        activities.append(entry);
    }
    return QJsonObject{
        {QStringLiteral("id"), page.id},
        {QStringLiteral("title"), page.title},
        {QStringLiteral("parent"), page.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.parentId)},
        {QStringLiteral("file"), page.relativePath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.relativePath)},
        {QStringLiteral("activities"), activities}};
}
}  // namespace

QJsonObject CourseJson::outline(const Course &course, const QHash<QString, QVector<ActivitySpec>> &activitiesByPage)
{
    QJsonArray modules;
    for (const CourseModule &module : course.modules) {
        QJsonArray pages;
        for (const CoursePage &page : module.pages)
            pages.append(pageOutline(page, activitiesByPage.value(page.id)));
        modules.append(QJsonObject{{QStringLiteral("id"), module.id},
                                   {QStringLiteral("title"), module.title},
                                   {QStringLiteral("linkedFromHome"), module.linkedFromHome},
                                   {QStringLiteral("pages"), pages}});
    }
    return QJsonObject{{QStringLiteral("id"), course.id},
                       {QStringLiteral("title"), course.title},
                       {QStringLiteral("description"), course.description},
                       {QStringLiteral("home"), course.hasHome() ? QJsonValue(pageOutline(course.home, activitiesByPage.value(course.home.id)))
                                                                 : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("modules"), modules}};
}
