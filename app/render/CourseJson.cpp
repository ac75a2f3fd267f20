#include "CourseJson.h"

#include <QJsonArray>

QJsonObject CourseJson::outline(const Course &course, const QHash<QString, QVector<ActivitySpec>> &activitiesByPage)
{
    QJsonArray modules;
    for (const CourseModule &module : course.modules) {
        QJsonArray pages;
        for (const CoursePage &page : module.pages) {
            QJsonArray activities;
            for (const ActivitySpec &activity : activitiesByPage.value(page.id)) {
                QJsonObject entry{{QStringLiteral("id"), activity.id},
                                  {QStringLiteral("kind"), ActivitySpec::kindName(activity.kind)},
                                  {QStringLiteral("title"), activity.title}};
                if (activity.revisit)
                    entry.insert(QStringLiteral("revisit"), true);
                activities.append(entry);
            }
            pages.append(QJsonObject{
                {QStringLiteral("id"), page.id},
                {QStringLiteral("title"), page.title},
                {QStringLiteral("parent"), page.parentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.parentId)},
                {QStringLiteral("file"), page.relativePath},
                {QStringLiteral("activities"), activities}});
        }
        modules.append(QJsonObject{{QStringLiteral("id"), module.id},
                                   {QStringLiteral("title"), module.title},
                                   {QStringLiteral("pages"), pages}});
    }
    return QJsonObject{{QStringLiteral("id"), course.id},
                       {QStringLiteral("title"), course.title},
                       {QStringLiteral("modules"), modules}};
}
