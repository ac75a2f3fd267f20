#pragma once

#include "Course.h"
#include "CourseFileResolver.h"

#include <QHash>
#include <QUrl>

// Resolves the links and image sources of a page as the course's website did
// (docs/course-format.md section 3): against the page's own web address, then its file's
// folder, then the course root; to another page of the course, a file inside it, or
// the web. Built once per course.
class CourseLinkResolver
{
public:
    struct Target {
        enum class Kind { Page, File, External, Anchor, Missing, Refused };
        Kind kind = Kind::Missing;
        QUrl url;           // what the rendered page links to
        QString reason;     // Missing/Refused: why, for the diagnostic
        // Whether the answer depended on which files are on disk, not only on the course's
        // pages: a cached render that holds it must ask again (RenderDependencies).
        bool consultedFiles = false;
    };

    explicit CourseLinkResolver(const Course &course);

    Target resolveLink(const CoursePage &from, const QString &reference) const;
    Target resolveImage(const CoursePage &from, const QString &reference) const;

private:
    Target resolve(const CoursePage &from, const QString &reference, bool pagesAllowed) const;
    QString findPage(const QString &path) const;
    void addPageKey(const QString &key, const QString &pageId);

    CourseFileResolver m_files;
    QString m_baseUrl;  // _config.yml baseurl without slashes, e.g. "connected-learning"
    QHash<QString, QString> m_pageByPath;      // normalised site path -> page id
    QHash<QString, QString> m_pageByFileName;  // "2019-01-01-intro.md", "intro.md", "intro" -> page id
};
