#include "CourseLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

// Minimal first version: Course-in-a-Box folders only, pages in file-name order.
Course CourseLoader::load(const QString &path)
{
    Course course;
    const QFileInfo info(path);
    course.rootPath = info.canonicalFilePath();
    course.id = info.fileName();
    course.title = info.fileName();
    if (!info.exists()) {
        course.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("no such file or folder")));
        return course;
    }
    QDir modulesDir(course.rootPath + QStringLiteral("/modules"));
    for (const QString &moduleName : modulesDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        CourseModule module;
        module.id = moduleName;
        module.title = moduleName;
        QDir posts(modulesDir.filePath(moduleName + QStringLiteral("/_posts")));
        for (const QString &fileName : posts.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
            QFile file(posts.filePath(fileName));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            CoursePage page;
            page.slug = QFileInfo(fileName).completeBaseName().mid(11);
            page.id = moduleName + QLatin1Char('/') + page.slug;
            page.moduleId = moduleName;
            page.title = page.slug;
            page.filePath = file.fileName();
            page.relativePath = QDir(course.rootPath).relativeFilePath(page.filePath);
            page.markdown = QString::fromUtf8(file.readAll());
            module.pages.append(page);
        }
        course.modules.append(module);
    }
    return course;
}
