#include "CourseFileReader.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
QString fileKind(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    return QStringLiteral("not a file");
}

CourseFileReader::Result refused(const QString &problem)
{
    return {CourseFileReader::Outcome::Refused, {}, problem};
}

class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};
}  // namespace

CourseFileReader::CourseFileReader(const QString &canonicalRoot, qint64 limit)
    : m_resolver(canonicalRoot)
    , m_limit(limit)
{
}

QString CourseFileReader::sizeText(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

CourseFileReader::Result CourseFileReader::read(const QString &relativePath) const
{
    if (std::optional<Result> direct = readDirectly(relativePath))
        return *direct;
    QString why;
    const QString canonical = m_resolver.locate(relativePath, &why);
    if (!canonical.isEmpty())
        return readCanonical(canonical);
    if (why == QLatin1String("no such file"))
        return {Outcome::Missing, {}, QStringLiteral("no such file")};
    // The path itself stays inside (the resolver checked that first), so a link led out.
    if (QFileInfo(m_resolver.root() + QLatin1Char('/') + relativePath).isSymLink())
        return refused(QStringLiteral("is a link to a file outside the course folder; it is not read"));
    if (!relativePath.split(QLatin1Char('/')).contains(QStringLiteral("..")) && !relativePath.startsWith(QLatin1Char('/')))
        return refused(QStringLiteral("is in a linked folder outside the course folder; it is not read"));
    return refused(QStringLiteral("is outside the course folder; it is not read"));
}

// The common case in a handful of system calls, where following each folder on the way to
// its canonical path took eight more (10,000 pages: 80,000 readlink calls): the path as
// given, no link at its end (O_NOFOLLOW), and where the opened file really is, as the kernel
// says (/proc/self/fd), inside the course folder. Anything else (a link at the end, a file
// that is not regular or lies outside, no /proc) goes the careful way, which words the refusal.
std::optional<CourseFileReader::Result> CourseFileReader::readDirectly(const QString &relativePath) const
{
    if (m_resolver.root().isEmpty() || !CourseFileResolver::isPlainRelative(relativePath))
        return std::nullopt;
    const QByteArray native = QFile::encodeName(m_resolver.root() + QLatin1Char('/') + relativePath);
    struct stat status {};
    if (::stat(native.constData(), &status) != 0 || !S_ISREG(status.st_mode))  // stat before open, as below
        return std::nullopt;
    const Descriptor file(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW));
    if (file.fd() < 0 || ::fstat(file.fd(), &status) != 0 || !S_ISREG(status.st_mode))
        return std::nullopt;
    char target[4096];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(file.fd());
    const ssize_t length = ::readlink(link.constData(), target, sizeof target);
    if (length <= 0 || size_t(length) == sizeof target || !m_resolver.isInside(QFile::decodeName(QByteArray(target, length))))
        return std::nullopt;
    return readOpened(file.fd(), status.st_size);
}

CourseFileReader::Result CourseFileReader::readCanonical(const QString &canonical) const
{
    const QByteArray native = QFile::encodeName(canonical);
    // stat before open: opening some devices has effects of its own (a tape rewinds).
    struct stat status {};
    if (::stat(native.constData(), &status) != 0)
        return {Outcome::Missing, {}, QStringLiteral("no such file")};
    if (!S_ISREG(status.st_mode))
        return refused(QStringLiteral("is not a regular file (%1); it is not read").arg(fileKind(status.st_mode)));

    // O_NOFOLLOW: the canonical path has no link at its end unless one was swapped in since.
    // O_NONBLOCK: should a FIFO have been swapped in, opening it does not wait for a writer.
    const Descriptor file(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW));
    if (file.fd() < 0)
        return refused(QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    // What was opened is what counts: a regular file, still inside the course.
    if (::fstat(file.fd(), &status) != 0 || !S_ISREG(status.st_mode))
        return refused(QStringLiteral("is not a regular file (%1); it is not read").arg(fileKind(status.st_mode)));
    const QString opened = QFileInfo(QStringLiteral("/proc/self/fd/%1").arg(file.fd())).symLinkTarget();
    if (!opened.isEmpty() && !m_resolver.isInside(opened))
        return refused(QStringLiteral("is a link to a file outside the course folder; it is not read"));
    return readOpened(file.fd(), status.st_size);
}

CourseFileReader::Result CourseFileReader::readOpened(int fd, qint64 size) const
{
    if (size > m_limit)
        return refused(QStringLiteral("is %1; files over %2 are not read").arg(sizeText(size), sizeText(m_limit)));

    // Read at most one byte past the limit: a file that grows while it is read is caught too.
    QByteArray bytes(qsizetype(qMin<qint64>(size, m_limit) + 1), Qt::Uninitialized);
    qsizetype length = 0;
    while (length <= m_limit) {
        if (length == bytes.size())
            bytes.resize(qMin<qsizetype>(bytes.size() * 2, qsizetype(m_limit) + 1));
        const ssize_t got = ::read(fd, bytes.data() + length, size_t(bytes.size() - length));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return refused(QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (got == 0)
            break;
        length += got;
    }
    if (length > m_limit)
        return refused(QStringLiteral("is over %1; files over %1 are not read").arg(sizeText(m_limit)));
    bytes.truncate(length);
    return {Outcome::Read, bytes, {}};
}
