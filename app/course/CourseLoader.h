#pragma once

#include "Course.h"

#include <QDir>

// Opens a course folder in any layout of docs/course-format.md section 1, or a single
// Markdown/text file. Never fails: problems are collected in Course::diagnostics and
// a path that cannot be opened at all yields a course with no modules and an error.
class CourseLoader
{
public:
    static Course load(const QString &path);

private:
    explicit CourseLoader(Course &course);

    void loadCourseInABox();
    void loadModuleLayout();
    void loadPlainFolder();
    void loadSingleFile(const QString &filePath);

    CourseModule loadPostsModule(const QString &moduleId, const QString &listedTitle);
    CourseModule loadLegacyModule(const QString &moduleId);
    CourseModule loadPlainModule(const QString &moduleId, const QString &title, const QStringList &files);

    // Reads, decodes and splits one file into a page; problems go to the diagnostics.
    CoursePage readPage(const QString &filePath, const QString &moduleId, const QString &slug);
    QVariantMap readYamlFile(const QString &relativePath);
    QStringList moduleFolders() const;
    void addPageIdsUnique(CourseModule &module);
    void warn(const QString &file, int line, const QString &message);

    Course &m_course;
    QDir m_root;
};
