#include "CourseLoader.h"

#include "CourseHome.h"
#include "CourseInABoxLayout.h"
#include "CourseLog.h"
#include "CourseSource.h"
#include "ModuleLayout.h"
#include "PlainFolderLayout.h"
#include "Slug.h"

#include <QFileInfo>

#include <algorithm>

namespace {
// The folders of modules/, walked once so that a refused one is reported once.
QStringList moduleFolders(const CourseSource &source)
{
    QStringList folders;
    for (const CourseFolder::Entry &entry : source.folder().folders(QStringLiteral("modules")))
        folders << entry.name;
    return folders;
}

void loadFolder(Course &course, CourseSource &source)
{
    const QStringList folders = moduleFolders(source);
    if (QFileInfo::exists(course.rootPath + QStringLiteral("/_data/course.yml"))
        || std::any_of(folders.cbegin(), folders.cend(), [&](const QString &m) {
               return QFileInfo(course.rootPath + QStringLiteral("/modules/") + m + QStringLiteral("/_posts")).isDir();
           })) {
        course.layout = Course::Layout::CourseInABox;
        course.home = CourseHome::read(source);
        CourseInABoxLayout::load(course, source, folders);
        CourseHome::complete(course);
    } else if (std::any_of(folders.cbegin(), folders.cend(),
                           [&](const QString &m) { return ModuleLayout::isModuleFolder(course.rootPath, m); })) {
        course.layout = Course::Layout::ModuleLayout;
        course.home = CourseHome::read(source);
        ModuleLayout::load(course, source, folders);
        CourseHome::complete(course);
    } else {
        // A plain folder is no website: it has no home, and opens on its first page.
        course.layout = Course::Layout::PlainFolder;
        PlainFolderLayout::load(course, source);
    }
}
}  // namespace

Course CourseLoader::load(const QString &path)
{
    // Course diagnostics are for the course's author: English, never translated.
    Course course;
    const QFileInfo info(path);
    if (!info.exists()) {
        course.rootPath = info.absoluteFilePath();
        course.title = info.fileName();
        course.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("no such file or folder")));
        course.diagnostics.first().log(lcCourse());
        return course;
    }
    // A single file opened by path is the learner's own choice, link or not: the folder that
    // holds the file it leads to becomes the course root, the jail for its includes and images.
    const QFileInfo canonical(info.canonicalFilePath());
    course.rootPath = info.isDir() ? canonical.filePath() : canonical.path();
    CourseSource source(course.rootPath, &course.diagnostics);
    if (!info.isDir()) {
        PlainFolderLayout::loadSingleFile(course, source, canonical.fileName());
    } else if (!info.isReadable() || !info.isExecutable()) {
        course.title = Slug::humanize(info.fileName());
        course.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("folder is not readable (check its permissions)")));
    } else {
        loadFolder(course, source);
    }
    if (course.id.isEmpty())
        course.id = Slug::fromText(course.title);
    if (course.id.isEmpty())
        course.id = Slug::fromText(info.completeBaseName());
    if (course.id.isEmpty())
        course.id = QStringLiteral("course");
    for (const Diagnostic &diagnostic : std::as_const(course.diagnostics))
        diagnostic.log(lcCourse());
    return course;
}
