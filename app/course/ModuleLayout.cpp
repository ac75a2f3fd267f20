#include "ModuleLayout.h"

#include "CourseHome.h"
#include "HtmlText.h"
#include "Slug.h"
#include "YamlDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace {
QString frontMatterText(const CoursePage &page, const QString &key)
{
    return HtmlText::toPlainText(page.frontMatter.value(key).toString());
}

CourseModule loadModule(CourseSource &source, const QString &moduleId)
{
    static const QRegularExpression sectionName(QStringLiteral("^section-(\\d+(?:-\\d+)*)$"));
    CourseModule module;
    module.id = moduleId;

    struct Entry { CoursePage page; QVector<int> numbers; bool isIndex; };
    QVector<Entry> entries;
    for (const CourseFolder::Entry &file : source.folder().entries(QStringLiteral("modules/") + moduleId)) {
        const QFileInfo info(file.name);
        if (file.isFolder || !CourseSource::kPageSuffixes.contains(info.suffix().toLower()))
            continue;
        const QString base = info.completeBaseName();
        CoursePage page = source.readPage(file.relativePath, moduleId, base);
        if (YamlDocument::isFalse(page.frontMatter.value(QStringLiteral("published"))))
            continue;
        if (page.title.isEmpty())
            page.title = frontMatterText(page, QStringLiteral("subtitle"));
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
        module.title = frontMatterText(page, QStringLiteral("module_full_name"));
        if (!module.title.isEmpty())
            break;
    }
    if (module.title.isEmpty())
        module.title = Slug::humanize(moduleId);
    return module;
}
}  // namespace

bool ModuleLayout::isModuleFolder(const QString &courseRoot, const QString &moduleId)
{
    const QDir dir(QStringLiteral("%1/modules/%2").arg(courseRoot, moduleId));
    return dir.exists(QStringLiteral("index.md")) || !dir.entryList({QStringLiteral("section-*.md")}, QDir::Files).isEmpty();
}

void ModuleLayout::load(Course &course, CourseSource &source, const QStringList &moduleFolders)
{
    const QVariantMap config = source.readYaml(QStringLiteral("_config.yml"));
    course.siteConfig = config;
    course.title = HtmlText::toPlainText(config.value(QStringLiteral("title")).toString());
    if (course.title.isEmpty())
        course.title = course.home.title;
    if (course.title.isEmpty())
        course.title = Slug::humanize(source.rootName());
    course.description = config.value(QStringLiteral("description")).toString().trimmed();

    const QStringList order = CourseHome::linkedModules(course.home, moduleFolders);
    QStringList folders = moduleFolders;
    std::stable_sort(folders.begin(), folders.end(), [&](const QString &a, const QString &b) {
        const qsizetype ia = order.indexOf(a), ib = order.indexOf(b);
        return (ia < 0 ? order.size() : ia) < (ib < 0 ? order.size() : ib);
    });
    for (const QString &folder : folders) {
        CourseModule module = loadModule(source, folder);
        if (!module.pages.isEmpty())
            course.modules.append(module);
    }
    CourseHome::placeUnlinkedModules(course, {});
}
