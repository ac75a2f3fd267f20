#include "CourseLoader.h"

#include "CourseLog.h"

#include "FrontMatter.h"
#include "HtmlText.h"
#include "Slug.h"
#include "TextDecoder.h"
#include "YamlDocument.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {
const QStringList kPageSuffixes = {QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("html")};
const QStringList kPlainSuffixes = {QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("txt")};
constexpr qint64 kLargePageBytes = 2 * 1024 * 1024;

// Folders a Jekyll site keeps beside its content that never hold course pages.
bool isSkippedName(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name == QLatin1String("_site") || name == QLatin1String("vendor")
        || name == QLatin1String("_archive") || name == QLatin1String("node_modules");
}

QDate parseDate(const QString &text)
{
    static const QRegularExpression date(QStringLiteral("^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"));
    const QRegularExpressionMatch m = date.match(text);
    return m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()) : QDate();
}

int lineOf(const QString &text, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count(QLatin1Char('\n'))) + 1;
}

// The first "# Heading" of a Markdown body, for files without a front-matter title.
QString firstHeading(const QString &markdown)
{
    static const QRegularExpression heading(QStringLiteral("^#[ \\t]+(.+?)[ \\t#]*$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = heading.match(markdown);
    return m.hasMatch() ? HtmlText::toPlainText(m.captured(1)) : QString();
}

QString frontMatterTitle(const CoursePage &page, const char *key)
{
    return HtmlText::toPlainText(page.frontMatter.value(QLatin1String(key)).toString());
}

// Links each page after a section head to that head (docs/course-format.md 1a).
void assignSections(CourseModule &module)
{
    QString head;
    for (CoursePage &page : module.pages) {
        if (page.isSectionHead) {
            head = page.id;
            page.parentId.clear();
        } else {
            page.parentId = head;
        }
    }
}
}  // namespace

CourseLoader::CourseLoader(Course &course)
    : m_course(course)
    , m_root(course.rootPath)
{
}

Course CourseLoader::load(const QString &path)
{
    Course course;
    const QFileInfo info(path);
    if (!info.exists()) {
        course.rootPath = info.absoluteFilePath();
        course.title = info.fileName();
        course.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("no such file or folder")));
        course.diagnostics.first().log(lcCourse());
        return course;
    }
    course.rootPath = info.isDir() ? info.canonicalFilePath() : info.canonicalPath();
    CourseLoader loader(course);
    const QStringList folders = loader.moduleFolders();
    if (!info.isDir()) {
        loader.loadSingleFile(info.canonicalFilePath());
    } else if (!info.isReadable() || !info.isExecutable()) {
        course.title = Slug::humanize(info.fileName());
        course.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("folder is not readable (check its permissions)")));
    } else if (QFileInfo::exists(course.rootPath + QStringLiteral("/_data/course.yml"))
               || std::any_of(folders.cbegin(), folders.cend(), [&](const QString &m) {
                      return QFileInfo(course.rootPath + QStringLiteral("/modules/") + m + QStringLiteral("/_posts")).isDir();
                  })) {
        course.layout = Course::Layout::CourseInABox;
        loader.loadCourseInABox();
    } else if (std::any_of(folders.cbegin(), folders.cend(), [&](const QString &m) {
                   const QDir dir(course.rootPath + QStringLiteral("/modules/") + m);
                   return dir.exists(QStringLiteral("index.md")) || !dir.entryList({QStringLiteral("section-*.md")}, QDir::Files).isEmpty();
               })) {
        course.layout = Course::Layout::ModuleLayout;
        loader.loadModuleLayout();
    } else {
        course.layout = Course::Layout::PlainFolder;
        loader.loadPlainFolder();
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

void CourseLoader::warn(const QString &file, int line, const QString &message)
{
    m_course.diagnostics.append(Diagnostic::warning(file, line, message));
}

QStringList CourseLoader::moduleFolders() const
{
    QStringList folders;
    const QDir modules(m_root.filePath(QStringLiteral("modules")));
    for (const QString &name : modules.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!isSkippedName(name))
            folders << name;
    }
    return folders;
}

QVariantMap CourseLoader::readYamlFile(const QString &relativePath)
{
    QFile file(m_root.filePath(relativePath));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        m_course.diagnostics.append(Diagnostic::error(relativePath, 0, QStringLiteral("cannot read: ") + file.errorString()));
        return {};
    }
    const YamlDocument::Result yaml = YamlDocument::parse(TextDecoder::decode(file.readAll()).text);
    if (!yaml.error.isEmpty()) {
        m_course.diagnostics.append(Diagnostic::error(relativePath, yaml.errorLine, QStringLiteral("does not parse as YAML: ") + yaml.error));
        return {};
    }
    if (yaml.value.isValid() && yaml.value.typeId() != QMetaType::QVariantMap)
        warn(relativePath, 1, QStringLiteral("expected key: value pairs; the file is ignored"));
    return yaml.value.toMap();
}

CoursePage CourseLoader::readPage(const QString &filePath, const QString &moduleId, const QString &slug)
{
    CoursePage page;
    page.moduleId = moduleId;
    page.slug = slug;
    page.id = moduleId + QLatin1Char('/') + slug;
    page.filePath = filePath;
    page.relativePath = m_root.relativeFilePath(filePath);
    page.permalink = QStringLiteral("/modules/%1/%2/").arg(moduleId, slug);
    const QString file = page.relativePath;

    QFile source(filePath);
    if (!source.open(QIODevice::ReadOnly)) {
        page.readError = QStringLiteral("The file could not be read: %1.").arg(source.errorString());
        m_course.diagnostics.append(Diagnostic::error(file, 0, QStringLiteral("cannot read the file: ") + source.errorString()));
        return page;
    }
    if (source.size() > kLargePageBytes)
        warn(file, 0, QStringLiteral("very large page (%1 MB); it may be slow to show").arg(double(source.size()) / (1024 * 1024), 0, 'f', 1));
    const TextDecoder::Result decoded = TextDecoder::decode(source.readAll());
    if (decoded.outcome == TextDecoder::Outcome::Binary) {
        page.readError = QStringLiteral("This file holds binary data (an image, document or archive?), not a text page.");
        m_course.diagnostics.append(Diagnostic::error(file, 0, QStringLiteral("binary file, not a text page; its content is not shown")));
        return page;
    }
    if (decoded.outcome == TextDecoder::Outcome::Windows1252)
        warn(file, 0, QStringLiteral("not valid UTF-8; read as Windows-1252 (save it as UTF-8 to silence this)"));

    QString text = decoded.text;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const FrontMatter front = FrontMatter::split(text);
    if (!front.error.isEmpty()) {
        m_course.diagnostics.append(Diagnostic::error(file, front.errorLine,
            QStringLiteral("front matter does not parse (%1); the page is shown without it").arg(front.error)));
    }
    page.frontMatter = front.values;
    page.markdown = front.body;
    page.bodyLine = front.bodyLine;
    page.tags = YamlDocument::toStringList(front.values.value(QStringLiteral("tags")));
    page.isSectionHead = page.tags.contains(QStringLiteral("sectionHead"), Qt::CaseInsensitive);
    page.title = frontMatterTitle(page, "title");
    const QString permalink = front.values.value(QStringLiteral("permalink")).toString().trimmed();
    if (!permalink.isEmpty())
        page.permalink = permalink;
    const QDate date = parseDate(front.values.value(QStringLiteral("date")).toString());
    if (date.isValid())
        page.date = date;
    page.isPlainText = filePath.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
    return page;
}

void CourseLoader::addPageIdsUnique(CourseModule &module)
{
    QSet<QString> seen;
    for (CoursePage &page : module.pages) {
        QString id = page.id;
        for (int n = 2; seen.contains(id); ++n)
            id = page.id + QLatin1Char('-') + QString::number(n);
        if (id != page.id) {
            warn(page.relativePath, 0, QStringLiteral("another page of module \"%1\" has the slug \"%2\"; this one is %3")
                                          .arg(module.id, page.slug, id));
            page.slug = id.section(QLatin1Char('/'), 1);
            page.id = id;
        }
        seen.insert(id);
    }
}

// --- 1a: Course-in-a-Box -------------------------------------------------------------

void CourseLoader::loadCourseInABox()
{
    const QVariantMap config = readYamlFile(QStringLiteral("_config.yml"));
    const QVariantMap data = readYamlFile(QStringLiteral("_data/course.yml"));
    m_course.siteConfig = config;
    m_course.id = Slug::fromText(data.value(QStringLiteral("id")).toString());
    m_course.title = HtmlText::toPlainText(data.value(QStringLiteral("title")).toString());
    if (m_course.title.isEmpty())
        m_course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());
    if (m_course.title.isEmpty())
        m_course.title = Slug::humanize(m_root.dirName());
    m_course.description = data.value(QStringLiteral("description"), config.value(QStringLiteral("description"))).toString().trimmed();

    QString courseYml;
    if (QFile yml(m_root.filePath(QStringLiteral("_data/course.yml"))); yml.open(QIODevice::ReadOnly))
        courseYml = QString::fromUtf8(yml.readAll());

    const QStringList folders = moduleFolders();
    QSet<QString> placed;
    const bool hasList = data.contains(QStringLiteral("modules"));
    for (const QVariant &entry : data.value(QStringLiteral("modules")).toList()) {
        QString slug, title;
        if (entry.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = entry.toMap();
            slug = map.value(QStringLiteral("slug"), map.value(QStringLiteral("id"))).toString().trimmed();
            title = HtmlText::toPlainText(map.value(QStringLiteral("title")).toString());
        } else {
            slug = entry.toString().trimmed();
        }
        if (slug.isEmpty() || placed.contains(slug))
            continue;
        if (!folders.contains(slug)) {
            warn(QStringLiteral("_data/course.yml"), lineOf(courseYml, slug),
                 QStringLiteral("module \"%1\" is listed but there is no folder modules/%1").arg(slug));
            continue;
        }
        placed.insert(slug);
        m_course.modules.append(loadPostsModule(slug, title));
    }
    for (const QString &folder : folders) {
        if (placed.contains(folder))
            continue;
        CourseModule module = loadPostsModule(folder, QString());
        if (module.pages.isEmpty())
            continue;
        if (hasList) {
            warn(QStringLiteral("_data/course.yml"), lineOf(courseYml, QStringLiteral("modules")),
                 QStringLiteral("module \"%1\" (modules/%1) is not listed; it is shown after the listed modules").arg(folder));
        }
        m_course.modules.append(module);
    }
}

CourseModule CourseLoader::loadPostsModule(const QString &moduleId, const QString &listedTitle)
{
    static const QRegularExpression postName(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)\\.(md|markdown|html)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    CourseModule module;
    module.id = moduleId;
    const QString postsPath = m_root.filePath(QStringLiteral("modules/") + moduleId + QStringLiteral("/_posts"));

    struct Entry { CoursePage page; QByteArray sortName; };
    QVector<Entry> entries;
    QDirIterator it(postsPath, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QStringList parts = QDir(postsPath).relativeFilePath(path).split(QLatin1Char('/'));
        if (std::any_of(parts.cbegin(), parts.cend(), isSkippedName))
            continue;
        const QRegularExpressionMatch m = postName.match(it.fileName());
        if (!m.hasMatch())
            continue;  // images, .DS_Store and undated drafts live here too; they are not pages
        CoursePage page = readPage(path, moduleId, m.captured(4));
        if (!page.date.isValid())
            page.date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (YamlDocument::isFalse(page.frontMatter.value(QStringLiteral("published"))))
            continue;
        if (page.title.isEmpty())
            page.title = Slug::humanize(page.slug);
        entries.append({page, it.fileName().toUtf8()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.page.date != b.page.date)
            return a.page.date < b.page.date;
        return a.sortName < b.sortName;
    });
    for (const Entry &entry : entries)
        module.pages.append(entry.page);
    addPageIdsUnique(module);
    assignSections(module);
    module.title = listedTitle;
    if (module.title.isEmpty() && !module.pages.isEmpty())
        module.title = module.pages.first().title;
    if (module.title.isEmpty())
        module.title = Slug::humanize(moduleId);
    return module;
}

// --- 1b: the older "module" layout ---------------------------------------------------

void CourseLoader::loadModuleLayout()
{
    const QVariantMap config = readYamlFile(QStringLiteral("_config.yml"));
    m_course.siteConfig = config;
    m_course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());

    QStringList order;
    for (const QString &home : {QStringLiteral("index.md"), QStringLiteral("index.html")}) {
        QFile file(m_root.filePath(home));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = TextDecoder::decode(file.readAll()).text;
        if (m_course.title.isEmpty())
            m_course.title = HtmlText::toPlainText(FrontMatter::split(text).values.value(QStringLiteral("title")).toString());
        static const QRegularExpression link(QStringLiteral("modules/([^/\\s\"')#?]+)"));
        for (auto it = link.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (!order.contains(name))
                order << name;
        }
        break;
    }
    if (m_course.title.isEmpty())
        m_course.title = Slug::humanize(m_root.dirName());

    QStringList folders = moduleFolders();
    std::stable_sort(folders.begin(), folders.end(), [&](const QString &a, const QString &b) {
        const qsizetype ia = order.indexOf(a), ib = order.indexOf(b);
        return (ia < 0 ? order.size() : ia) < (ib < 0 ? order.size() : ib);
    });
    for (const QString &folder : folders) {
        CourseModule module = loadLegacyModule(folder);
        if (!module.pages.isEmpty())
            m_course.modules.append(module);
    }
}

CourseModule CourseLoader::loadLegacyModule(const QString &moduleId)
{
    static const QRegularExpression sectionName(QStringLiteral("^section-(\\d+(?:-\\d+)*)$"));
    CourseModule module;
    module.id = moduleId;
    const QDir dir(m_root.filePath(QStringLiteral("modules/") + moduleId));

    struct Entry { CoursePage page; QVector<int> numbers; bool isIndex; };
    QVector<Entry> entries;
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Name)) {
        if (!kPageSuffixes.contains(info.suffix().toLower()) || isSkippedName(info.fileName()))
            continue;
        const QString base = info.completeBaseName();
        CoursePage page = readPage(info.filePath(), moduleId, base);
        if (YamlDocument::isFalse(page.frontMatter.value(QStringLiteral("published"))))
            continue;
        if (page.title.isEmpty())
            page.title = frontMatterTitle(page, "subtitle");
        if (page.title.isEmpty())
            page.title = Slug::humanize(base);
        QVector<int> numbers;
        const QRegularExpressionMatch m = sectionName.match(base);
        if (m.hasMatch()) {
            for (const QString &n : m.captured(1).split(QLatin1Char('-')))
                numbers << n.toInt();
        }
        entries.append({page, numbers, base == QLatin1String("index")});
    }
    // index first, then numbered sections by their numbers, then any other page by name.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        auto rank = [](const Entry &e) { return e.isIndex ? 0 : (e.numbers.isEmpty() ? 2 : 1); };
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        if (rank(a) == 1 && a.numbers != b.numbers)
            return std::lexicographical_compare(a.numbers.begin(), a.numbers.end(), b.numbers.begin(), b.numbers.end());
        return Slug::naturalLess(a.page.slug, b.page.slug);
    });

    // A section's head is section-N or section-N-0; its group is the pages sharing its
    // `section` value (or, without one, its number).
    QHash<QString, QString> headOfGroup;
    for (Entry &entry : entries) {
        const QString sectionValue = entry.page.frontMatter.value(QStringLiteral("section")).toString().trimmed();
        const QString group = !sectionValue.isEmpty() ? sectionValue
                              : entry.numbers.isEmpty() ? QString()
                                                        : QString::number(entry.numbers.first());
        const bool headShape = entry.numbers.size() == 1 || (entry.numbers.size() == 2 && entry.numbers[1] == 0);
        if (!group.isEmpty() && headShape && !headOfGroup.contains(group)) {
            entry.page.isSectionHead = true;
            headOfGroup.insert(group, entry.page.id);
        } else if (!group.isEmpty() && !entry.isIndex) {
            entry.page.parentId = headOfGroup.value(group);
        }
        module.pages.append(entry.page);
    }
    for (const CoursePage &page : module.pages) {
        module.title = HtmlText::toPlainText(page.frontMatter.value(QStringLiteral("module_full_name")).toString());
        if (!module.title.isEmpty())
            break;
    }
    if (module.title.isEmpty())
        module.title = Slug::humanize(moduleId);
    return module;
}

// --- 1c and 1d: plain folders and single files ----------------------------------------

CourseModule CourseLoader::loadPlainModule(const QString &moduleId, const QString &title, const QStringList &files)
{
    CourseModule module;
    module.id = moduleId;
    module.title = title;
    for (const QString &path : files) {
        const QFileInfo info(path);
        QString slug = Slug::fromText(info.completeBaseName());
        if (slug.isEmpty())
            slug = QStringLiteral("page");
        CoursePage page = readPage(path, moduleId, slug);
        if (page.title.isEmpty())
            page.title = firstHeading(page.markdown);
        if (page.title.isEmpty())
            page.title = Slug::humanize(info.completeBaseName());
        module.pages.append(page);
    }
    addPageIdsUnique(module);
    return module;
}

void CourseLoader::loadPlainFolder()
{
    const QVariantMap config = readYamlFile(QStringLiteral("_config.yml"));
    m_course.siteConfig = config;
    m_course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());
    if (m_course.title.isEmpty())
        m_course.title = Slug::humanize(m_root.dirName());

    auto textFiles = [](const QDir &dir, bool recursive) {
        QStringList files;
        QDirIterator it(dir.path(), QDir::Files, recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        while (it.hasNext()) {
            const QString path = it.next();
            const QStringList parts = dir.relativeFilePath(path).split(QLatin1Char('/'));
            if (!kPlainSuffixes.contains(it.fileInfo().suffix().toLower())
                || std::any_of(parts.cbegin(), parts.cend(), isSkippedName))
                continue;
            files << path;
        }
        std::sort(files.begin(), files.end(), [&](const QString &a, const QString &b) {
            return Slug::naturalLess(dir.relativeFilePath(a), dir.relativeFilePath(b));
        });
        return files;
    };

    const QStringList rootFiles = textFiles(m_root, false);
    if (!rootFiles.isEmpty()) {
        QString id = Slug::fromText(m_root.dirName());
        m_course.modules.append(loadPlainModule(id.isEmpty() ? QStringLiteral("pages") : id, m_course.title, rootFiles));
    }
    QStringList subfolders = m_root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(subfolders.begin(), subfolders.end(), Slug::naturalLess);
    for (const QString &folder : subfolders) {
        if (isSkippedName(folder) || folder.startsWith(QLatin1Char('_')))
            continue;
        const QStringList files = textFiles(QDir(m_root.filePath(folder)), true);
        if (files.isEmpty())
            continue;
        QString id = Slug::fromText(folder);
        if (std::any_of(m_course.modules.cbegin(), m_course.modules.cend(), [&](const CourseModule &m) { return m.id == id; }))
            id += QStringLiteral("-2");
        m_course.modules.append(loadPlainModule(id, Slug::humanize(folder), files));
    }
    if (m_course.modules.isEmpty())
        warn(QStringLiteral("."), 0, QStringLiteral("no pages found: no Markdown or text files, and not a Course-in-a-Box folder"));
}

void CourseLoader::loadSingleFile(const QString &filePath)
{
    const QFileInfo info(filePath);
    m_course.layout = Course::Layout::SingleFile;
    QString id = Slug::fromText(info.completeBaseName());
    if (id.isEmpty())
        id = QStringLiteral("page");
    CourseModule module = loadPlainModule(id, QString(), {filePath});
    // A single file has no course folder of its own: its name is the course.
    module.title = module.pages.first().title;
    m_course.title = module.title;
    m_course.id = id;
    m_course.modules.append(module);
    if (!kPlainSuffixes.contains(info.suffix().toLower()))
        warn(info.fileName(), 0, QStringLiteral("not a .md or .txt file; opened as text"));
}
