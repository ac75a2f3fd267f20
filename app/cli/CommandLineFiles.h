#pragma once

#include "AnswerJson.h"

#include <QByteArray>
#include <QString>

// Files as the command line names them: "-" is standard input or output, so that a script
// can pipe a worksheet or the answers on; every other name goes through AtomicFile (a
// regular file or a new path, written whole). Reads are bounded: a device that never ends
// (/dev/zero) or a huge file is refused, not read into memory.
namespace CommandLineFiles {

inline constexpr qint64 kMaxReadBytes = AnswerJson::kMaxFileBytes;

bool isStandardStream(const QString &name);  // "-"

// Writes `data` to `name`; false + *error (the whole message, naming the file) on failure.
bool write(const QString &name, const QByteArray &data, QString *error);
// The contents of `name` (a file, a pipe, or "-"), at most kMaxReadBytes; false + *error.
bool read(const QString &name, QByteArray *data, QString *error);
// Whether `path` (which need not exist yet) is the folder `root` or lies inside it, links
// along the part that exists followed.
bool isInsideFolder(const QString &path, const QString &root);

}  // namespace CommandLineFiles
