#include "Course.h"

const CoursePage *Course::findPage(const QString &pageId) const
{
    if (hasHome() && home.id == pageId)
        return &home;
    for (const CourseModule &module : modules) {
        for (const CoursePage &page : module.pages) {
            if (page.id == pageId)
                return &page;
        }
    }
    return nullptr;
}

const CourseModule *Course::findModule(const QString &moduleId) const
{
    for (const CourseModule &module : modules) {
        if (module.id == moduleId)
            return &module;
    }
    return nullptr;
}

QVector<const CoursePage *> Course::pages() const
{
    QVector<const CoursePage *> result;
    if (hasHome())
        result.append(&home);
    for (const CourseModule &module : modules) {
        for (const CoursePage &page : module.pages)
            result.append(&page);
    }
    return result;
}

int Course::pageCount() const
{
    int count = hasHome() ? 1 : 0;
    for (const CourseModule &module : modules)
        count += int(module.pages.size());
    return count;
}
