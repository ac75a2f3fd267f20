#pragma once

#include "CoursePage.h"
#include "Diagnostic.h"

#include <QString>
#include <QVector>

// A module of a course: an ordered list of pages. Section heads and their children
// are kept in page order; the tree shape comes from CoursePage::parentId.
struct CourseModule {
    QString id;     // folder name (slug)
    QString title;
    QVector<CoursePage> pages;
    // False for a module folder the course home never links (a stale copy): shown last, apart.
    bool linkedFromHome = true;

    // Gives a page whose id another page of the module already has "-2", "-3", with a warning.
    void makePageIdsUnique(Diagnostics *diagnostics);
};
