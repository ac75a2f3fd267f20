#include "CourseFingerprint.h"

#include "Course.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFileInfo>

namespace {

// Raised when what the index keeps of a page changes, so existing indexes are rebuilt.
constexpr int kIndexerVersion = 3;

void addFile(QCryptographicHash &hash, const QFileInfo &file)
{
    hash.addData(QStringLiteral("%1\n%2\n%3\n")
                     .arg(file.absoluteFilePath())
                     .arg(file.exists() ? file.size() : -1)
                     .arg(file.lastModified().toMSecsSinceEpoch())
                     .toUtf8());
}

}  // namespace

namespace CourseFingerprint {

QString of(const Course &course)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QStringLiteral("indexer %1\n%2\n").arg(kIndexerVersion).arg(course.title).toUtf8());
    // A page by the text loaded, not its file's date: what is indexed is the loaded text, and
    // a file edited after loading must not pass for indexed once the course is loaded again.
    for (const CoursePage *page : course.pages()) {
        hash.addData(QStringLiteral("%1\n%2\n%3\n").arg(page->id, page->title, page->moduleId).toUtf8());
        hash.addData(page->markdown.toUtf8());
    }
    const QDir root(course.rootPath);
    addFile(hash, QFileInfo(root.filePath(QStringLiteral("_config.yml"))));
    for (const QString &folder : {QStringLiteral("_includes"), QStringLiteral("_data")}) {
        QStringList paths;  // sorted: the iterator's order is the file system's
        QDirIterator files(root.filePath(folder), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext())
            paths << files.next();
        paths.sort();
        for (const QString &path : paths)
            addFile(hash, QFileInfo(path));
    }
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace CourseFingerprint
