#include "FolderAccessWatch.h"

#include <QDirIterator>
#include <QFile>

#include <sys/inotify.h>
#include <unistd.h>

FolderAccessWatch::FolderAccessWatch(const QString &folder)
    : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
{
    if (m_fd < 0)
        return;
    QStringList folders{folder};
    QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        folders << it.next();
    for (const QString &path : std::as_const(folders)) {
        const int wd = inotify_add_watch(m_fd, QFile::encodeName(path).constData(), IN_OPEN | IN_ACCESS);
        if (wd < 0)
            continue;
        if (m_folders.size() < wd)
            m_folders.resize(wd);
        m_folders[wd - 1] = path;
    }
}

FolderAccessWatch::~FolderAccessWatch()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QStringList FolderAccessWatch::accesses()
{
    QStringList seen;
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            break;
        for (ssize_t at = 0; at < length;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
            const QString folder = event->wd >= 1 && event->wd <= m_folders.size() ? m_folders[event->wd - 1] : QString();
            const QString name = event->len ? QFile::decodeName(event->name) : folder;
            const QString what = (event->mask & IN_ACCESS) ? QStringLiteral("read") : QStringLiteral("opened");
            seen << QStringLiteral("%1 %2%3").arg(what, (event->mask & IN_ISDIR) ? QStringLiteral("folder ") : QString(), name);
            at += ssize_t(sizeof(inotify_event)) + event->len;
        }
    }
    return seen;
}
