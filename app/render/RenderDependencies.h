#pragma once

#include "CourseFileReader.h"
#include "CourseLinkResolver.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include <functional>

class QDataStream;

// What a page's render read besides the page itself, so that a cached render is used only
// while all of it still reads the same (RenderedPageCache): the includes Liquid inserted,
// every link and image whose target depended on the files on disk, and the module's earlier
// pages when a KWL return was looked for among them. A render that sniffed a media file's
// contents is not cached at all.
class RenderDependencies
{
public:
    void addInclude(const QString &relativePath, const CourseFileReader::Result &file);
    void addResolution(const CoursePage &from, const QString &reference, bool isImage, const CourseLinkResolver::Target &target);
    void addEarlierPage(const QString &pageId, const QByteArray &stamp);
    void markUncacheable() { m_cacheable = false; }
    bool isCacheable() const { return m_cacheable; }

    // The course's page of an id (null when it is gone), and a page's stamp now.
    using PageLookup = std::function<const CoursePage *(const QString &pageId)>;
    using PageStamp = std::function<QByteArray(const CoursePage &page)>;
    // Whether every input reads as it did: includes reread, links resolved again.
    bool stillHold(const CourseFileReader &reader, const CourseLinkResolver &links, const PageLookup &pageOf,
                   const PageStamp &stampOf) const;

    friend QDataStream &operator<<(QDataStream &stream, const RenderDependencies &dependencies);
    friend QDataStream &operator>>(QDataStream &stream, RenderDependencies &dependencies);

private:
    static QByteArray digest(const CourseFileReader::Result &file);
    static QString targetKey(const CourseLinkResolver::Target &target);

    struct Resolution {
        QString fromPage;  // the id of the page it was written on
        QString reference;
        bool isImage = false;
        QString target;  // targetKey() of what it resolved to
    };
    QHash<QString, QByteArray> m_includes;   // relative path -> digest of what was read
    QVector<Resolution> m_resolutions;
    QHash<QString, QByteArray> m_earlierPages;  // page id -> stamp
    bool m_cacheable = true;
};
