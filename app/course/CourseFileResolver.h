#pragma once

#include <QString>

// The one gate between a URL path and the disk: maps a path relative to the course root
// to a file inside it, refusing "..", absolute paths and symbolic links that lead out.
// CourseFileReader reads through it.
class CourseFileResolver
{
public:
    explicit CourseFileResolver(const QString &courseRoot);  // a canonical folder path

    // The canonical absolute path of an existing regular file inside the root, or an
    // empty string with *why set ("outside the course folder", "no such file").
    QString resolve(const QString &relativePath, QString *why = nullptr) const;
    // The same for anything that exists inside the root (a folder, a FIFO, a device).
    QString locate(const QString &relativePath, QString *why = nullptr) const;
    bool isInside(const QString &canonicalPath) const;
    // Whether a relative path names something under the root by its letters alone: not
    // empty, not absolute, no NUL and no "..". Links along it are for locate() to follow.
    static bool isPlainRelative(const QString &relativePath);
    const QString &root() const { return m_root; }

private:
    QString m_root;
};
