#pragma once

#include <QString>
#include <QStringList>

// Notices every file or folder opened or read inside a folder tree (Linux inotify), so a
// test can assert that loading a course never touched what lies outside it, even through
// a symbolic link. Events are those after construction; stat and readlink are not events.
class FolderAccessWatch
{
public:
    explicit FolderAccessWatch(const QString &folder);  // watches it and every folder below
    ~FolderAccessWatch();
    FolderAccessWatch(const FolderAccessWatch &) = delete;
    FolderAccessWatch &operator=(const FolderAccessWatch &) = delete;

    bool isWatching() const { return m_fd >= 0 && !m_folders.isEmpty(); }
    // "opened secret.md", "read secret.md", "opened folder _posts" since construction.
    QStringList accesses();

private:
    int m_fd = -1;
    QStringList m_folders;  // by watch descriptor - 1
};
