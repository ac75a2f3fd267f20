#include "CommandLineRun.h"

#include <QDebug>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <sys/stat.h>

namespace CommandLineRun {

namespace {

QString decodeEntities(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("<[^>]*>")), QString());
    text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&#x27;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.trimmed();
}

}  // namespace

Run runApp(const QStringList &arguments, const QStringList &unset)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString &name : unset)
        env.remove(name);
    process.setProcessEnvironment(env);
    Run run;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(COURSEBOOK_APP_PATH), arguments);
    run.started = process.waitForStarted(kTimeoutMs);
    if (run.started) {
        run.finished = process.waitForFinished(kTimeoutMs);
        if (!run.finished) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString bundledCourse()
{
    return QDir::cleanPath(QStringLiteral(BUNDLED_COURSE_DIR));
}

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(info.filePath());
        if (info.isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(info.filePath(), target)) {
            return false;
        }
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString firstH1(const QString &html)
{
    static const QRegularExpression h1(QStringLiteral("<h1\\b[^>]*>(.*?)</h1>"),
                                       QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = h1.match(html);
    return m.hasMatch() ? decodeEntities(m.captured(1)) : QString();
}

bool isFullDocument(const QString &html)
{
    const QString t = html.trimmed();
    return t.startsWith(QLatin1String("<!DOCTYPE html", Qt::CaseInsensitive)) && t.contains(QLatin1String("<head"), Qt::CaseInsensitive)
        && t.contains(QLatin1String("<body"), Qt::CaseInsensitive) && t.endsWith(QLatin1String("</html>"), Qt::CaseInsensitive);
}

QJsonObject listCourse(const QString &course)
{
    const Run run = runApp({QStringLiteral("--course"), course, QStringLiteral("--list")});
    if (!run.ok() || run.exitCode != 0) {
        qWarning().noquote() << "--list failed:" << run.describe();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning().noquote() << "--list is not a JSON object:" << error.errorString() << run.outText().left(500);
        return {};
    }
    return doc.object();
}

QList<std::pair<QString, QString>> notRegularFiles(const QString &folder)
{
    const QDir dir(folder);
    const QString fifo = dir.filePath(QStringLiteral("a-pipe"));
    const QString subfolder = dir.filePath(QStringLiteral("a-folder"));
    const QString link = dir.filePath(QStringLiteral("a-link-to-dev-null.json"));
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0 || !dir.mkpath(subfolder)
        || !QFile::link(QStringLiteral("/dev/null"), link))
        qWarning() << "could not make the targets in" << folder;
    return {{QStringLiteral("/dev/null"), QStringLiteral("/dev/null")},
            {QStringLiteral("/dev/full"), QStringLiteral("/dev/full")},
            {QStringLiteral("named pipe"), fifo},
            {QStringLiteral("folder"), subfolder},
            {QStringLiteral("link to /dev/null"), link}};
}

QString fileKind(const QString &path)
{
    struct stat status {};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return QStringLiteral("nothing");
    if (S_ISCHR(status.st_mode))
        return QStringLiteral("character device");
    if (S_ISFIFO(status.st_mode))
        return QStringLiteral("named pipe");
    if (S_ISDIR(status.st_mode))
        return QStringLiteral("folder");
    if (S_ISLNK(status.st_mode))
        return QStringLiteral("link");
    return S_ISREG(status.st_mode) ? QStringLiteral("regular file") : QStringLiteral("something else");
}

}  // namespace CommandLineRun
