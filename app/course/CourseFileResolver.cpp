#include "CourseFileResolver.h"

#include <QDir>
#include <QFileInfo>

namespace {
// Whether a step of the path, between slashes or backslashes, is "..". (Not a pattern
// compiled at every call: the loader asks this of every page.)
bool climbsOut(QStringView path)
{
    qsizetype start = 0;
    for (qsizetype at = 0; at <= path.size(); ++at) {
        if (at == path.size() || path.at(at) == QLatin1Char('/') || path.at(at) == QLatin1Char('\\')) {
            if (path.sliced(start, at - start) == QLatin1String(".."))
                return true;
            start = at + 1;
        }
    }
    return false;
}
}  // namespace

CourseFileResolver::CourseFileResolver(const QString &courseRoot)
    : m_root(QDir::cleanPath(courseRoot))
{
}

bool CourseFileResolver::isInside(const QString &canonicalPath) const
{
    return !m_root.isEmpty() && (canonicalPath == m_root || canonicalPath.startsWith(m_root + QLatin1Char('/')));
}

bool CourseFileResolver::isPlainRelative(const QString &path)
{
    return !path.isEmpty() && !QDir::isAbsolutePath(path) && !path.startsWith(QLatin1Char('\\')) && !path.contains(QChar(0))
        && !climbsOut(path);
}

QString CourseFileResolver::resolve(const QString &relativePath, QString *why) const
{
    const QString canonical = locate(relativePath, why);
    if (canonical.isEmpty() || QFileInfo(canonical).isFile())
        return canonical;
    if (why)
        *why = QStringLiteral("not a file");
    return QString();
}

QString CourseFileResolver::locate(const QString &relativePath, QString *why) const
{
    auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return QString();
    };
    if (m_root.isEmpty())
        return refuse(QStringLiteral("no course is open"));
    if (!isPlainRelative(relativePath))
        return refuse(QStringLiteral("outside the course folder"));
    const QFileInfo info(m_root + QLatin1Char('/') + relativePath);
    if (!info.exists())
        return refuse(QStringLiteral("no such file"));
    // canonicalFilePath follows every symbolic link on the way, so a link pointing out is caught here.
    const QString canonical = info.canonicalFilePath();
    if (!isInside(canonical))
        return refuse(QStringLiteral("outside the course folder"));
    return canonical;
}
