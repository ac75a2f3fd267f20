#pragma once

#include <QByteArray>
#include <QString>

class QSaveFile;

// A file written whole or not at all (QSaveFile: a temporary file renamed over the target
// on success), opened unbuffered so that a short write, as on a full disk, fails the write
// itself: buffered, it would fail only in the flush inside commit(), which QSaveFile does
// not report, and a truncated file would take the old one's place.
//
// The target is a new path or a regular file. Anything else that exists there (a folder, a
// device such as /dev/null, a named pipe, a socket) is refused and left as it is: the rename
// would replace it with a plain file, and as root that could be the system's own device.
// A symbolic link is written through, as editors do: the file it leads to is replaced and
// the link kept, so its target must be a regular file or a new path too.
namespace AtomicFile {
// Every failure's *error is a reason for the learner, to follow "cannot write FILE: ".
bool write(const QString &path, const QByteArray &data, QString *error);

// Why `path` cannot be written to (it is not a regular file or a new path), or empty.
QString targetProblem(const QString &path);

// For a writer that checks the target before a long job and writes at its end.
bool open(QSaveFile &file, QString *error);
bool finish(QSaveFile &file, const QByteArray &data, QString *error);
}  // namespace AtomicFile
