#pragma once

#include <QString>

// What a worksheet export covers: the whole workbook, a module, a page, one activity,
// or the answers whose activity has left the course.
struct ExportScope {
    enum class Kind { Course, Module, Page, Activity, Orphans };
    Kind kind = Kind::Course;
    QString id;  // module, page or activity id; empty for Course and Orphans

    // "course", "module:ID", "page:ID", "activity:ID", "orphans"
    static bool parse(const QString &text, ExportScope *scope, QString *error);
    QString toString() const;
    QString fileNameStem() const;  // a file name suggested for this scope, without extension
};
