#pragma once

#include "CoursePage.h"

#include <QString>
#include <QVector>

// A module of a course: an ordered list of pages. Section heads and their children
// are kept in page order; the tree shape comes from CoursePage::parentId.
struct CourseModule {
    QString id;     // folder name (slug)
    QString title;
    QVector<CoursePage> pages;
};
