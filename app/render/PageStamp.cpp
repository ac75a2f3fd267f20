#include "PageStamp.h"

#include "Course.h"
#include "RenderedPageCache.h"

#include <QDataStream>
#include <QIODevice>

QByteArray PageStamp::ofCourse(const Course &course)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << RenderedPageCache::programStamp() << course.rootPath << course.siteConfig << course.title << course.description;
    const auto addresses = [&out](const CoursePage &page) {
        out << page.id << page.slug << page.permalink << page.relativePath << page.filePath;
    };
    addresses(course.home);
    for (const CourseModule &module : course.modules) {
        out << module.id << module.title << qint32(module.pages.size());
        for (const CoursePage &page : module.pages)
            addresses(page);
    }
    return RenderedPageCache::digest(bytes);
}

QByteArray PageStamp::ofPage(const QByteArray &courseStamp, const CoursePage &page)
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << courseStamp << page.id << page.moduleId << page.title << page.parentId << page.isSectionHead << page.tags << page.date
            << page.bodyLine << page.frontMatter << page.readError << page.isPlainText << page.isHome;
    }
    // The Markdown as it is held, without a conversion: it is most of what is hashed.
    bytes.append(reinterpret_cast<const char *>(page.markdown.constData()), page.markdown.size() * 2);
    return RenderedPageCache::digest(bytes);
}
