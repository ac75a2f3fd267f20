#pragma once

#include "CourseFileResolver.h"

#include <QByteArray>
#include <QString>

#include <optional>

// The one way the loader and Liquid read a file of a course: through the path jail (no
// "..", no symbolic link leading out of the course folder), only a regular file (a FIFO
// would block, a device such as /dev/zero never ends), and never more than a size limit.
class CourseFileReader
{
public:
    // Pages and YAML are text: 8 MiB is beyond any real page (a year of notes pasted into one
    // is 5), and stays under libxml2's limit of 10 million bytes for one text node.
    static constexpr qint64 kDefaultLimit = 8 * 1024 * 1024;

    enum class Outcome { Read, Missing, Refused };
    struct Result {
        Outcome outcome = Outcome::Missing;
        QByteArray bytes;
        // Why nothing was read, worded to follow the file's name in a course diagnostic:
        // "is not a regular file (a FIFO)". Author-facing English, like every course diagnostic.
        QString problem;
        bool isRead() const { return outcome == Outcome::Read; }
    };

    explicit CourseFileReader(const QString &canonicalRoot, qint64 limit = kDefaultLimit);

    Result read(const QString &relativePath) const;
    qint64 limit() const { return m_limit; }
    const CourseFileResolver &resolver() const { return m_resolver; }

    static QString sizeText(qint64 bytes);  // "50.0 MB"

private:
    std::optional<Result> readDirectly(const QString &relativePath) const;
    Result readCanonical(const QString &canonical) const;
    Result readOpened(int fd, qint64 size) const;

    CourseFileResolver m_resolver;
    qint64 m_limit;
};
