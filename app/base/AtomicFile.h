#pragma once

#include <QByteArray>
#include <QString>

class QSaveFile;

// A file written whole or not at all (QSaveFile: a temporary file renamed over the target
// on success), opened unbuffered so that a short write, as on a full disk, fails the write
// itself: buffered, it would fail only in the flush inside commit(), which QSaveFile does
// not report, and a truncated file would take the old one's place.
namespace AtomicFile {
bool write(const QString &path, const QByteArray &data, QString *error);

// For a writer that checks the target before a long job and writes at its end.
bool open(QSaveFile &file, QString *error);
bool finish(QSaveFile &file, const QByteArray &data, QString *error);
}  // namespace AtomicFile
