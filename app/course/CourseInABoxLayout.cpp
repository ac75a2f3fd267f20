#include "CourseInABoxLayout.h"

#include "CourseHome.h"
#include "HtmlText.h"
#include "Slug.h"
#include "YamlDocument.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {
const QString kCourseYml = QStringLiteral("_data/course.yml");

int lineOf(const QString &text, const QString &needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(QStringView(text).left(at).count(QLatin1Char('\n'))) + 1;
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

// A file name's slug as a page id may carry it: a line break or other control character
// (legal in a name) becomes "-", so the page still loads and its id stays one line.
QString slugFromFileName(QString slug)
{
    for (QChar &c : slug) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('-');
    }
    return slug;
}

CourseModule loadPostsModule(CourseSource &source, const QString &moduleId, const QString &listedTitle)
{
    // A line break is legal in a file name: such a page loads too.
    static const QRegularExpression postName(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)\\.(md|markdown|html)$"),
                                             QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    CourseModule module;
    module.id = moduleId;

    struct Entry { CoursePage page; QByteArray sortName; };
    QVector<Entry> entries;
    for (const CourseFolder::Entry &file : source.folder().filesUnder(QStringLiteral("modules/%1/_posts").arg(moduleId))) {
        const QRegularExpressionMatch m = postName.match(file.name);
        if (!m.hasMatch())
            continue;  // images, .DS_Store and undated drafts live here too; they are not pages
        CoursePage page = source.readPage(file.relativePath, moduleId, slugFromFileName(m.captured(4)));
        if (!page.date.isValid())
            page.date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (YamlDocument::isFalse(page.frontMatter.value(QStringLiteral("published"))))
            continue;
        if (page.title.isEmpty())
            page.title = Slug::humanize(page.slug);
        entries.append({page, file.name.toUtf8()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.page.date != b.page.date)
            return a.page.date < b.page.date;
        return a.sortName < b.sortName;
    });
    for (const Entry &entry : entries)
        module.pages.append(entry.page);
    module.makePageIdsUnique(source.diagnostics());
    assignSections(module);
    module.title = listedTitle;
    if (module.title.isEmpty() && !module.pages.isEmpty())
        module.title = module.pages.first().title;
    if (module.title.isEmpty())
        module.title = Slug::humanize(moduleId);
    return module;
}
}  // namespace

void CourseInABoxLayout::load(Course &course, CourseSource &source, const QStringList &moduleFolders)
{
    const QVariantMap config = source.readYaml(QStringLiteral("_config.yml"));
    QString courseYml;
    const QVariantMap data = source.readYaml(kCourseYml, &courseYml);
    course.siteConfig = config;
    course.id = Slug::fromText(data.value(QStringLiteral("id")).toString());
    course.title = HtmlText::toPlainText(data.value(QStringLiteral("title")).toString());
    if (course.title.isEmpty())
        course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());
    if (course.title.isEmpty())
        course.title = Slug::humanize(source.rootName());
    course.description = data.value(QStringLiteral("description"), config.value(QStringLiteral("description"))).toString().trimmed();

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
        if (!moduleFolders.contains(slug)) {
            // A folder that is there but was refused (a link out of the course) is reported already.
            if (!QFileInfo::exists(QStringLiteral("%1/modules/%2").arg(course.rootPath, slug))) {
                source.warn(kCourseYml, lineOf(courseYml, slug),
                            QStringLiteral("module \"%1\" is listed but there is no folder modules/%1").arg(slug));
            }
            continue;
        }
        placed.insert(slug);
        course.modules.append(loadPostsModule(source, slug, title));
    }
    for (const QString &folder : moduleFolders) {
        if (placed.contains(folder))
            continue;
        CourseModule module = loadPostsModule(source, folder, QString());
        if (module.pages.isEmpty())
            continue;
        if (hasList) {
            source.warn(kCourseYml, lineOf(courseYml, QStringLiteral("modules")),
                        QStringLiteral("module \"%1\" (modules/%1) is not listed; it is shown after the listed modules").arg(folder));
        }
        course.modules.append(module);
    }
    CourseHome::placeUnlinkedModules(course, placed.values());
}
