#include "CommandLineFiles.h"

#include "AtomicFile.h"
#include "CourseFileResolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLineFiles", text);
}

}  // namespace

namespace CommandLineFiles {

bool isStandardStream(const QString &name)
{
    return name == QLatin1String("-");
}

bool write(const QString &name, const QByteArray &data, QString *error)
{
    if (!isStandardStream(name)) {
        QString reason;
        if (AtomicFile::write(name, data, &reason))
            return true;
        *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(name), reason);
        return false;
    }
    std::fflush(stdout);  // anything already in stdio's buffer goes first
    // The descriptor, unbuffered: through stdio a failing write (a closed pipe, /dev/full)
    // would fail only in the flush at exit, unreported.
    QFile out;
    if (out.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered) && out.write(data) == data.size())
        return true;
    *error = tr("cannot write to standard output: %1").arg(out.errorString());
    return false;
}

bool read(const QString &name, QByteArray *data, QString *error)
{
    QFile file;
    bool opened = false;
    if (isStandardStream(name)) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(name);
        opened = file.open(QIODevice::ReadOnly);
    }
    const QString shown = isStandardStream(name) ? tr("standard input") : QDir::toNativeSeparators(name);
    if (!opened) {
        *error = tr("cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    // In chunks, not readAll(): a pipe or a device has no size to ask for first.
    QByteArray bytes;
    for (QByteArray chunk = file.read(kChunkBytes); !chunk.isEmpty(); chunk = file.read(kChunkBytes)) {
        bytes += chunk;
        if (bytes.size() > kMaxReadBytes) {
            *error = tr("cannot read %1: it is larger than %2 MB, more than any answers file")
                         .arg(shown).arg(kMaxReadBytes / (1024 * 1024));
            return false;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        *error = tr("cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    *data = bytes;
    return true;
}

bool isInsideFolder(const QString &path, const QString &root)
{
    QString existing = QDir::cleanPath(QDir(path).absolutePath());
    QString rest;  // the part not made yet, judged by where it would be
    while (!QFileInfo::exists(existing) && existing != QDir::rootPath()) {
        rest.prepend(QLatin1Char('/') + QFileInfo(existing).fileName());
        existing = QFileInfo(existing).path();
    }
    return CourseFileResolver(QFileInfo(root).canonicalFilePath()).isInside(QDir::cleanPath(QFileInfo(existing).canonicalFilePath() + rest));
}

}  // namespace CommandLineFiles
