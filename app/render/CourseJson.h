#pragma once

#include "Course.h"
#include "RenderedPage.h"

#include <QHash>
#include <QJsonObject>

// The course outline as printed by `coursebook --list`.
namespace CourseJson {
// activitiesByPage: page id -> activities found when rendering that page.
QJsonObject outline(const Course &course, const QHash<QString, QVector<ActivitySpec>> &activitiesByPage);
}  // namespace CourseJson
