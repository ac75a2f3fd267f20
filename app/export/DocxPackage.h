#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// A Word document's zip package: its parts in the order they are added, zipped in memory
// with libzip so that nothing reaches the disk before it is complete.
class DocxPackage
{
public:
    // `name` is the part's path in the package, e.g. "word/document.xml".
    void addPart(const QString &name, const QByteArray &bytes);
    QStringList partNames() const;

    // The zip file's bytes; false with *error when libzip fails.
    bool toZip(QByteArray *zipped, QString *error) const;
    // Replaces `path` only with a complete file; false with *error (for the learner) otherwise.
    bool write(const QString &path, QString *error) const;

private:
    QList<std::pair<QString, QByteArray>> m_parts;
};
