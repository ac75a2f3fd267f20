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

bool AtomicFile::open(QSaveFile &file, QString *reason)
{
    if (file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return true;
    *reason = reasonFor(file);
    return false;
}

bool AtomicFile::finish(QSaveFile &file, const QByteArray &data, QString *reason)
{
    if (file.write(data) == data.size() && file.commit())
        return true;
    *reason = reasonFor(file);
    file.cancelWriting();  // a commit() still to come must not rename a partial file into place
    return false;
}

bool AtomicFile::write(const QString &path, const QByteArray &data, QString *reason)
{
    QSaveFile file(path);
    return open(file, reason) && finish(file, data, reason);
}
