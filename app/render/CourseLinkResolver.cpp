#include "CourseLinkResolver.h"

#include "CourseUrl.h"

#include <QFileInfo>
#include <QSet>

namespace {
const QSet<QString> kWebSchemes = {QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("mailto"),
                                   QStringLiteral("tel")};

// A site path as a lookup key: no surrounding slashes, no index file, no page extension.
QString normalise(QString path)
{
    path = QUrl::fromPercentEncoding(path.toUtf8());
    while (path.contains(QLatin1String("//")))
        path.replace(QLatin1String("//"), QLatin1String("/"));
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    for (const QString &index : {QStringLiteral("/index.html"), QStringLiteral("/index.md"), QStringLiteral("index.html")}) {
        if (path.endsWith(index)) {
            path.chop(index.size());
            break;
        }
    }
    for (const QString &extension : {QStringLiteral(".html"), QStringLiteral(".md"), QStringLiteral(".markdown")}) {
        if (path.endsWith(extension)) {
            path.chop(extension.size());
            break;
        }
    }
    return path;
}

// `relative` resolved against the folder `base` (a site path ending in '/').
QString resolveAgainst(const QString &base, const QString &relative)
{
    return QUrl(QStringLiteral("site:") + base).resolved(QUrl(relative)).path();
}
}  // namespace

CourseLinkResolver::CourseLinkResolver(const Course &course)
    : m_files(course.rootPath)
    , m_baseUrl(normalise(course.siteConfig.value(QStringLiteral("baseurl")).toString()))
{
    // The home answers to the site's root: "/", "index.html", "index.md".
    if (course.hasHome()) {
        addPageKey(normalise(course.home.permalink), course.home.id);
        addPageKey(QStringLiteral("index"), course.home.id);
    }
    for (const CourseModule &module : course.modules) {
        for (const CoursePage &page : module.pages) {
            addPageKey(normalise(page.permalink), page.id);
            addPageKey(normalise(QStringLiteral("modules/%1/%2").arg(module.id, page.slug)), page.id);
            addPageKey(normalise(page.relativePath), page.id);
            const QString fileName = QFileInfo(page.filePath).fileName();
            m_pageByFileName.insert(fileName, page.id);
            m_pageByFileName.insert(normalise(fileName), page.id);
            m_pageByFileName.insert(page.slug, page.id);
        }
        // A link to a module's folder ("modules/m/", "modules/m/index.html") opens its first page.
        if (!module.pages.isEmpty())
            addPageKey(QStringLiteral("modules/") + module.id, module.pages.first().id);
    }
}

void CourseLinkResolver::addPageKey(const QString &key, const QString &pageId)
{
    if (!m_pageByPath.contains(key))
        m_pageByPath.insert(key, pageId);
}

QString CourseLinkResolver::findPage(const QString &path) const
{
    QString key = normalise(path);
    if (!m_baseUrl.isEmpty() && (key == m_baseUrl || key.startsWith(m_baseUrl + QLatin1Char('/'))))
        key = key.mid(m_baseUrl.size() + 1);
    if (const auto it = m_pageByPath.constFind(key); it != m_pageByPath.cend())
        return *it;
    // A bare file name ("2019-03-01-intro.md", "intro.html") names a page wherever it is linked from.
    if (!key.contains(QLatin1Char('/'))) {
        const QString name = QUrl::fromPercentEncoding(path.section(QLatin1Char('/'), -1).toUtf8());
        if (const auto it = m_pageByFileName.constFind(name); it != m_pageByFileName.cend())
            return *it;
        if (const auto it = m_pageByFileName.constFind(key); it != m_pageByFileName.cend())
            return *it;
    }
    return QString();
}

CourseLinkResolver::Target CourseLinkResolver::resolveLink(const CoursePage &from, const QString &reference) const
{
    return resolve(from, reference, true);
}

CourseLinkResolver::Target CourseLinkResolver::resolveImage(const CoursePage &from, const QString &reference) const
{
    return resolve(from, reference, false);
}

CourseLinkResolver::Target CourseLinkResolver::resolve(const CoursePage &from, const QString &reference, bool pagesAllowed) const
{
    using Kind = Target::Kind;
    const QString ref = reference.trimmed();
    if (ref.isEmpty() || ref.startsWith(QLatin1Char('#')))
        return {Kind::Anchor, QUrl(ref), QString()};

    const QUrl url(ref, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (kWebSchemes.contains(scheme))
        return {Kind::External, url, QString()};
    if (!scheme.isEmpty())
        return {Kind::Refused, QUrl(), QStringLiteral("%1: links are not followed").arg(scheme)};

    QString path = url.path(QUrl::FullyDecoded);
    const QString fragment = url.fragment();
    QStringList candidates;
    if (ref.startsWith(QLatin1String("//"))) {
        // `baseurl: /` turns "{{ site.baseurl }}/img/x.png" into "//img/x.png": a course path
        // when it names something in the course, else a scheme-relative web address.
        const QString collapsed = QLatin1Char('/') + ref.mid(2).section(QLatin1Char('#'), 0, 0).section(QLatin1Char('?'), 0, 0);
        const bool inCourse = !findPage(collapsed).isEmpty() || !m_files.resolve(collapsed.mid(1)).isEmpty();
        if (!inCourse)
            return {Kind::External, QUrl(QStringLiteral("https:") + ref), QString(), true};
        path = collapsed;
    }
    if (path.startsWith(QLatin1Char('/'))) {
        candidates << path;
    } else {
        const QString fileFolder = QLatin1Char('/') + QFileInfo(from.relativePath).path() + QLatin1Char('/');
        candidates << resolveAgainst(from.permalink.endsWith(QLatin1Char('/')) ? from.permalink : from.permalink + QLatin1Char('/'), path)
                   << resolveAgainst(fileFolder == QLatin1String("/./") ? QStringLiteral("/") : fileFolder, path)
                   << resolveAgainst(QStringLiteral("/"), path);
    }

    QString why = QStringLiteral("no such page or file in the course");
    // The "//" form above asked the disk whether the path is in the course.
    bool consultedFiles = ref.startsWith(QLatin1String("//"));
    for (QString candidate : candidates) {
        if (pagesAllowed) {
            const QString pageId = findPage(candidate);
            if (!pageId.isEmpty()) {
                QUrl target = CourseUrl::page(pageId);
                if (!fragment.isEmpty())
                    target.setFragment(fragment);
                return {Kind::Page, target, QString(), consultedFiles};
            }
        }
        consultedFiles = true;
        while (candidate.startsWith(QLatin1Char('/')))
            candidate.remove(0, 1);
        if (!m_baseUrl.isEmpty() && candidate.startsWith(m_baseUrl + QLatin1Char('/')))
            candidate = candidate.mid(m_baseUrl.size() + 1);
        QString fileWhy;
        const QString file = m_files.resolve(candidate, &fileWhy);
        if (!file.isEmpty())
            return {Kind::File, CourseUrl::file(candidate), QString(), true};
        if (fileWhy == QLatin1String("outside the course folder"))
            why = fileWhy;
    }
    return {why == QLatin1String("outside the course folder") ? Kind::Refused : Kind::Missing, QUrl(), why, consultedFiles};
}
