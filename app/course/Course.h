#pragma once

#include "CourseModule.h"
#include "Diagnostic.h"

#include <QString>
#include <QVariantMap>
#include <QVector>

// A loaded course: the course model everything else reads from.
class Course
{
public:
    enum class Layout { CourseInABox, ModuleLayout, PlainFolder, SingleFile };
    // The course home's page id: no module's page has it (theirs are "<module>/<slug>").
    static inline const QString kHomePageId = QStringLiteral("home");

    QString id;           // stable id keying the learner's answers
    QString title;
    QString description;
    QString rootPath;     // absolute, canonical folder that pages and files may be served from
    Layout layout = Layout::CourseInABox;
    QVariantMap siteConfig;  // _config.yml, for {{ site.* }}
    CoursePage home;  // the course home (docs/course-format.md 1d'); no id when the course has none
    QVector<CourseModule> modules;
    Diagnostics diagnostics;

    const CoursePage *findPage(const QString &pageId) const;
    const CourseModule *findModule(const QString &moduleId) const;
    bool hasHome() const { return !home.id.isEmpty(); }
    QVector<const CoursePage *> pages() const;  // every page in reading order, the home first
    int pageCount() const;
};
