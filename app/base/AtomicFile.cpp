#include "AtomicFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace {

QString reasonFor(const QSaveFile &file)
{
    const QString text = file.errorString();
    // A short write leaves Qt with no system message to give.
    if (text.isEmpty() || text == QLatin1String("Unknown error"))
        return QCoreApplication::translate("AtomicFile", "not all of it could be written (is the disk full?)");
    return text;
}

}  // namespace

bool AtomicFile::open(QSaveFile &file, QString *error)
{
    if (file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return true;
    *error = reasonFor(file);
    return false;
}

bool AtomicFile::finish(QSaveFile &file, const QByteArray &data, QString *error)
{
    if (file.write(data) == data.size() && file.commit())
        return true;
    *error = reasonFor(file);
    file.cancelWriting();  // a commit() still to come must not rename a partial file into place
    return false;
}

bool AtomicFile::write(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    return open(file, error) && finish(file, data, error);
}
