#include "AtomicFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AtomicFile", text);
}

QString reasonFor(const QSaveFile &file)
{
    const QString text = file.errorString();
    // A short write leaves Qt with no system message to give.
    if (text.isEmpty() || text == QLatin1String("Unknown error"))
        return tr("not all of it could be written (is the disk full?)");
    return text;
}

}  // namespace

QString AtomicFile::targetProblem(const QString &path)
{
    if (path.isEmpty())
        return tr("no file name was given");
    // stat() follows symbolic links: what matters is what the write would replace.
    struct stat status {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};  // nothing there yet (or a link to nothing): a new file; QSaveFile reports any other failure
    if (S_ISREG(status.st_mode))
        return {};
    if (S_ISDIR(status.st_mode))
        return tr("it is a folder, not a file");
    if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode))
        return tr("it is a device, not a file (choose a file name)");
    if (S_ISFIFO(status.st_mode))
        return tr("it is a named pipe, not a file (choose a file name)");
    return tr("it is not a regular file (choose a file name)");
}

bool AtomicFile::open(QSaveFile &file, QString *error)
{
    if (const QString problem = targetProblem(file.fileName()); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
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
