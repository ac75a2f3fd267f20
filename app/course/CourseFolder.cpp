#include "CourseFolder.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace {
// The length of the well-formed UTF-8 sequence at bytes[at], or 0 when it is not one.
int utf8SequenceLength(const QByteArray &bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return i < bytes.size() ? uchar(bytes[i]) : 0; };
    const uchar lead = byte(at);
    const int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                                   : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    for (int i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if ((lead == 0xE0 && byte(at + 1) < 0xA0) || (lead == 0xED && byte(at + 1) > 0x9F)
        || (lead == 0xF0 && byte(at + 1) < 0x90) || (lead == 0xF4 && byte(at + 1) > 0x8F))
        return 0;
    return length;
}

QString joined(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
}
}  // namespace

CourseFolder::CourseFolder(const QString &canonicalRoot, const QStringList &pageSuffixes, Diagnostics *diagnostics)
    : m_resolver(canonicalRoot)
    , m_pageSuffixes(pageSuffixes)
    , m_diagnostics(diagnostics)
{
}

bool CourseFolder::isSkippedName(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name == QLatin1String("_site") || name == QLatin1String("vendor")
        || name == QLatin1String("_archive") || name == QLatin1String("node_modules");
}

QString CourseFolder::displayName(const QByteArray &bytes)
{
    QString shown;
    for (qsizetype at = 0; at < bytes.size();) {
        const int length = utf8SequenceLength(bytes, at);
        const uchar byte = uchar(bytes[at]);
        if (length == 1 && byte == '\n') {
            shown += QLatin1String("\\n");
        } else if (length == 1 && (byte < 0x20 || byte == 0x7F)) {
            shown += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        } else if (length > 0) {
            shown += QString::fromUtf8(bytes.mid(at, length));
        } else {
            shown += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
            at += 1;
            continue;
        }
        at += length;
    }
    return shown;
}

bool CourseFolder::isReported(const QString &name, bool isFolder) const
{
    return isFolder || m_pageSuffixes.contains(QFileInfo(name).suffix().toLower());
}

void CourseFolder::refuse(const QString &relativePath, const QString &message) const
{
    // Course diagnostics are for the course's author and stay in English, untranslated.
    m_diagnostics->append(Diagnostic::error(relativePath, 0, message));
}

QVector<CourseFolder::Entry> CourseFolder::entries(const QString &relativeFolder) const
{
    return list(relativeFolder, true);
}

QVector<CourseFolder::Entry> CourseFolder::folders(const QString &relativeFolder) const
{
    QVector<Entry> result = entries(relativeFolder);
    result.removeIf([](const Entry &entry) { return !entry.isFolder; });
    return result;
}

QVector<CourseFolder::Entry> CourseFolder::filesUnder(const QString &relativeFolder) const
{
    QStringList visited;
    QVector<Entry> files;
    walk(relativeFolder, &visited, &files);
    return files;
}

void CourseFolder::walk(const QString &relativeFolder, QStringList *visited, QVector<Entry> *files) const
{
    const QString canonical = relativeFolder.isEmpty() ? m_resolver.root() : m_resolver.locate(relativeFolder);
    if (canonical.isEmpty() || visited->contains(canonical))
        return;  // a link back to a folder already walked: its files are listed once
    visited->append(canonical);
    for (const Entry &entry : list(relativeFolder, visited->size() == 1)) {
        if (entry.isFolder)
            walk(entry.relativePath, visited, files);
        else
            files->append(entry);
    }
}

QVector<CourseFolder::Entry> CourseFolder::list(const QString &relativeFolder, bool reportFolderItself) const
{
    const QString path = joined(m_resolver.root(), relativeFolder);
    if (!relativeFolder.isEmpty()) {
        QString why;
        if (m_resolver.locate(relativeFolder, &why).isEmpty()) {
            if (reportFolderItself && why != QLatin1String("no such file"))
                refuse(relativeFolder, QStringLiteral("is a link to a folder outside the course folder; its pages are not loaded"));
            return {};
        }
    }
    DIR *dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir)
        return {};
    QVector<QByteArray> names;
    while (const dirent *item = ::readdir(dir))
        names.append(QByteArray(item->d_name));
    std::sort(names.begin(), names.end());

    QVector<Entry> result;
    for (const QByteArray &bytes : std::as_const(names)) {
        const QString name = QFile::decodeName(bytes);
        if (bytes == "." || bytes == ".." || isSkippedName(name))
            continue;
        struct stat status {};
        const bool exists = ::fstatat(dirfd(dir), bytes.constData(), &status, 0) == 0;
        const bool isFolder = exists && S_ISDIR(status.st_mode);
        const QString relativePath = joined(relativeFolder, name);
        if (QFile::encodeName(name) != bytes) {
            // Qt could not open the file again by its decoded name: say so, name escaped.
            if (isReported(name, isFolder)) {
                refuse(joined(relativeFolder, displayName(bytes)),
                       QStringLiteral("the name is not valid UTF-8, so it cannot be opened; rename the %1 to load it")
                           .arg(isFolder ? QStringLiteral("folder") : QStringLiteral("file")));
            }
            continue;
        }
        if (isFolder && m_resolver.locate(relativePath).isEmpty()) {
            refuse(relativePath, QStringLiteral("is a link to a folder outside the course folder; its pages are not loaded"));
            continue;
        }
        result.append({name, relativePath, isFolder});
    }
    ::closedir(dir);
    return result;
}
