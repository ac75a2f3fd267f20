#include "CourseHome.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace {
const QStringList kHomeFiles = {QStringLiteral("index.md"), QStringLiteral("index.markdown"), QStringLiteral("index.html")};

// Text for generated HTML that Liquid, which runs first, leaves alone.
QString literalHtml(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('{'), QLatin1String("&#123;")).replace(QLatin1Char('%'), QLatin1String("&#37;"));
}

QString moduleList(const Course &course)
{
    QString html = QStringLiteral("<h2>Modules</h2>\n<ul class=\"course-modules\">\n");
    for (const CourseModule &module : course.modules) {
        html += QStringLiteral("<li><a href=\"/modules/%1/\">%2</a></li>\n")
                    .arg(literalHtml(QString::fromUtf8(QUrl::toPercentEncoding(module.id))), literalHtml(module.title));
    }
    return html + QStringLiteral("</ul>\n");
}
}  // namespace

CoursePage CourseHome::read(CourseSource &source)
{
    const QString root = source.root();
    for (const QString &name : kHomeFiles) {
        if (!QFileInfo::exists(root + QLatin1Char('/') + name))
            continue;
        // Whatever its layout (index, default or none): it is what the site showed at its root.
        CoursePage home = source.readPage(name, QString(), Course::kHomePageId);
        home.id = Course::kHomePageId;
        home.permalink = QStringLiteral("/");
        home.isHome = true;
        return home;
    }
    return CoursePage();
}

QStringList CourseHome::linkedModules(const CoursePage &home, const QStringList &moduleIds)
{
    static const QRegularExpression comments(QStringLiteral("<!--.*?-->|\\{%-?\\s*comment\\s*-?%\\}.*?\\{%-?\\s*endcomment\\s*-?%\\}"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression link(QStringLiteral("modules/([^/\\s\"')#?<>]+)"));
    QString text = home.markdown;
    text.remove(comments);
    QStringList linked;
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const QString name = QUrl::fromPercentEncoding(it.next().captured(1).toUtf8());
        if (moduleIds.contains(name) && !linked.contains(name))
            linked << name;
    }
    return linked;
}

void CourseHome::placeUnlinkedModules(Course &course, const QStringList &alsoLinked)
{
    QStringList ids;
    for (const CourseModule &module : std::as_const(course.modules))
        ids << module.id;
    const QStringList fromHome = linkedModules(course.home, ids);
    if (fromHome.isEmpty())
        return;  // a home that links no module says nothing about which ones it teaches
    for (CourseModule &module : course.modules)
        module.linkedFromHome = fromHome.contains(module.id) || alsoLinked.contains(module.id);
    std::stable_partition(course.modules.begin(), course.modules.end(), [](const CourseModule &m) { return m.linkedFromHome; });
    for (const CourseModule &module : std::as_const(course.modules)) {
        if (module.linkedFromHome)
            continue;
        QString message = QStringLiteral("module \"%1\" (modules/%2) is not linked from the course home (%3); it is shown last, "
                                         "apart from the course's modules")
                              .arg(module.title, module.id, course.home.relativePath);
        const auto twin = std::find_if(course.modules.cbegin(), course.modules.cend(), [&](const CourseModule &m) {
            return m.linkedFromHome && m.title == module.title;
        });
        if (twin != course.modules.cend())
            message += QStringLiteral(" (modules/%1 has the same title)").arg(twin->id);
        course.diagnostics.append(Diagnostic::note(QStringLiteral("modules/") + module.id, 0, message));
    }
}

void CourseHome::complete(Course &course)
{
    if (course.modules.isEmpty() && !course.hasHome())
        return;
    if (!course.hasHome()) {
        course.home.id = Course::kHomePageId;
        course.home.slug = Course::kHomePageId;
        course.home.permalink = QStringLiteral("/");
        course.home.isHome = true;
    }
    if (course.home.title.isEmpty())
        course.home.title = course.title;
    // A Jekyll home whose layout drew the module grid from course.yml has no body of its own.
    if (course.home.readError.isEmpty() && course.home.markdown.trimmed().isEmpty())
        course.home.markdown = moduleList(course);
}
