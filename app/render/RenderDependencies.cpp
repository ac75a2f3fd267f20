#include "RenderDependencies.h"

#include <QCryptographicHash>
#include <QDataStream>

QByteArray RenderDependencies::digest(const CourseFileReader::Result &file)
{
    // What was read, or why nothing was: a missing include that appears changes the page too.
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(QByteArray::number(int(file.outcome)));
    hash.addData(file.bytes);
    hash.addData(file.problem.toUtf8());
    return hash.result();
}

QString RenderDependencies::targetKey(const CourseLinkResolver::Target &target)
{
    return QString::number(int(target.kind)) + QLatin1Char(' ') + target.url.toString(QUrl::FullyEncoded) + QLatin1Char(' ')
        + target.reason;
}

void RenderDependencies::addInclude(const QString &relativePath, const CourseFileReader::Result &file)
{
    m_includes.insert(relativePath, digest(file));
}

void RenderDependencies::addResolution(const CoursePage &from, const QString &reference, bool isImage,
                                       const CourseLinkResolver::Target &target)
{
    // A link to a page is settled by the course's pages, which the page's stamp covers.
    if (target.consultedFiles)
        m_resolutions.append({from.id, reference, isImage, targetKey(target)});
}

void RenderDependencies::addEarlierPage(const QString &pageId, const QByteArray &stamp)
{
    m_earlierPages.insert(pageId, stamp);
}

bool RenderDependencies::stillHold(const CourseFileReader &reader, const CourseLinkResolver &links, const PageLookup &pageOf,
                                   const PageStamp &stampOf) const
{
    if (!m_cacheable)
        return false;
    for (auto it = m_earlierPages.cbegin(); it != m_earlierPages.cend(); ++it) {
        const CoursePage *earlier = pageOf(it.key());
        if (!earlier || stampOf(*earlier) != it.value())
            return false;
    }
    for (auto it = m_includes.cbegin(); it != m_includes.cend(); ++it) {
        if (digest(reader.read(it.key())) != it.value())
            return false;
    }
    for (const Resolution &resolution : m_resolutions) {
        const CoursePage *from = pageOf(resolution.fromPage);
        if (!from)
            return false;
        const CourseLinkResolver::Target now = resolution.isImage ? links.resolveImage(*from, resolution.reference)
                                                                  : links.resolveLink(*from, resolution.reference);
        if (targetKey(now) != resolution.target)
            return false;
    }
    return true;
}

QDataStream &operator<<(QDataStream &stream, const RenderDependencies &dependencies)
{
    stream << dependencies.m_includes << dependencies.m_earlierPages << dependencies.m_cacheable
           << qint32(dependencies.m_resolutions.size());
    for (const RenderDependencies::Resolution &resolution : dependencies.m_resolutions)
        stream << resolution.fromPage << resolution.reference << resolution.isImage << resolution.target;
    return stream;
}

QDataStream &operator>>(QDataStream &stream, RenderDependencies &dependencies)
{
    qint32 count = 0;
    stream >> dependencies.m_includes >> dependencies.m_earlierPages >> dependencies.m_cacheable >> count;
    dependencies.m_resolutions.clear();
    for (qint32 i = 0; i < count && stream.status() == QDataStream::Ok; ++i) {
        RenderDependencies::Resolution resolution;
        stream >> resolution.fromPage >> resolution.reference >> resolution.isImage >> resolution.target;
        dependencies.m_resolutions.append(resolution);
    }
    return stream;
}
