#include "PlainFolderLayout.h"

#include "HtmlText.h"
#include "Slug.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace {
// The first "# Heading" of a Markdown body, for files without a front-matter title.
QString firstHeading(const QString &markdown)
{
    static const QRegularExpression heading(QStringLiteral("^#[ \\t]+(.+?)[ \\t#]*$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = heading.match(markdown);
    return m.hasMatch() ? HtmlText::toPlainText(m.captured(1)) : QString();
}

// The text files among entries (paths from the course root), in natural order.
QStringList textFiles(const QVector<CourseFolder::Entry> &entries)
{
    QStringList files;
    for (const CourseFolder::Entry &entry : entries) {
        if (!entry.isFolder && CourseSource::kPlainSuffixes.contains(QFileInfo(entry.name).suffix().toLower()))
            files << entry.relativePath;
    }
    std::sort(files.begin(), files.end(), Slug::naturalLess);
    return files;
}

CourseModule loadModule(CourseSource &source, const QString &moduleId, const QString &title, const QStringList &files)
{
    CourseModule module;
    module.id = moduleId;
    module.title = title;
    for (const QString &path : files) {
        const QString baseName = QFileInfo(path).completeBaseName();
        QString slug = Slug::fromText(baseName);
        if (slug.isEmpty())
            slug = QStringLiteral("page");
        CoursePage page = source.readPage(path, moduleId, slug);
        if (page.title.isEmpty())
            page.title = firstHeading(page.markdown);
        if (page.title.isEmpty())
            page.title = Slug::humanize(baseName);
        module.pages.append(page);
    }
    module.makePageIdsUnique(source.diagnostics());
    return module;
}
}  // namespace

void PlainFolderLayout::load(Course &course, CourseSource &source)
{
    const QVariantMap config = source.readYaml(QStringLiteral("_config.yml"));
    course.siteConfig = config;
    course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());
    if (course.title.isEmpty())
        course.title = Slug::humanize(source.rootName());

    const QVector<CourseFolder::Entry> rootEntries = source.folder().entries(QString());
    const QStringList rootFiles = textFiles(rootEntries);
    if (!rootFiles.isEmpty()) {
        const QString id = Slug::fromText(source.rootName());
        course.modules.append(loadModule(source, id.isEmpty() ? QStringLiteral("pages") : id, course.title, rootFiles));
    }
    QStringList subfolders;
    for (const CourseFolder::Entry &entry : rootEntries) {
        if (entry.isFolder && !entry.name.startsWith(QLatin1Char('_')))
            subfolders << entry.name;
    }
    std::sort(subfolders.begin(), subfolders.end(), Slug::naturalLess);
    for (const QString &folder : std::as_const(subfolders)) {
        const QStringList files = textFiles(source.folder().filesUnder(folder));
        if (files.isEmpty())
            continue;
        QString id = Slug::fromText(folder);
        if (std::any_of(course.modules.cbegin(), course.modules.cend(), [&](const CourseModule &m) { return m.id == id; }))
            id += QStringLiteral("-2");
        course.modules.append(loadModule(source, id, Slug::humanize(folder), files));
    }
    if (course.modules.isEmpty())
        source.warn(QStringLiteral("."), 0, QStringLiteral("no pages found: no Markdown or text files, and not a Course-in-a-Box folder"));
}

void PlainFolderLayout::loadSingleFile(Course &course, CourseSource &source, const QString &fileName)
{
    const QFileInfo info(fileName);
    course.layout = Course::Layout::SingleFile;
    QString id = Slug::fromText(info.completeBaseName());
    if (id.isEmpty())
        id = QStringLiteral("page");
    CourseModule module = loadModule(source, id, QString(), {fileName});
    // A single file has no course folder of its own: its name is the course.
    module.title = module.pages.first().title;
    course.title = module.title;
    course.id = id;
    course.modules.append(module);
    if (!CourseSource::kPlainSuffixes.contains(info.suffix().toLower()))
        source.warn(info.fileName(), 0, QStringLiteral("not a .md or .txt file; opened as text"));
}
