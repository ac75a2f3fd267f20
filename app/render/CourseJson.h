#pragma once

#include "Course.h"
#include "RenderedPage.h"

#include <QHash>
#include <QJsonObject>

// The course outline as printed by `coursebook --list`.
class CourseJson
{
public:
    // activitiesByPage: page id -> activities found when rendering that page.
    static QJsonObject outline(const Course &course, const QHash<QString, QVector<ActivitySpec>> &activitiesByPage);
};
