#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <utility>

// What the command-line suites share: running the real coursebook binary (COURSEBOOK_APP_PATH)
// with QProcess, the bundled course, files for a course copy, and looks into a rendered page.
namespace CommandLineRun {

inline constexpr int kTimeoutMs = 60'000;

struct Run {
    bool started = false;
    bool finished = false;  // within kTimeoutMs
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    bool ok() const { return started && finished && exitStatus == QProcess::NormalExit; }
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QStringList errLines() const { return nonEmptyLines(errText()); }
    QStringList outLines() const { return nonEmptyLines(outText()); }
    QString describe() const
    {
        return QStringLiteral("started=%1 finished=%2 exit=%3 status=%4 after %5 ms\n--- stderr:\n%6\n--- stdout (first 2000 chars):\n%7")
            .arg(started).arg(finished).arg(exitCode).arg(int(exitStatus)).arg(elapsedMs)
            .arg(errText(), outText().left(2000));
    }
    static QStringList nonEmptyLines(const QString &text)
    {
        QStringList lines;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                lines << line;
        }
        return lines;
    }
};

// Runs the app with `arguments`, offscreen, without the environment variables in `unset`.
Run runApp(const QStringList &arguments, const QStringList &unset = {});
QString bundledCourse();
bool copyTree(const QString &from, const QString &to);
bool writeFile(const QString &path, const QByteArray &bytes);
// The text of the first <h1>, tags removed and entities decoded.
QString firstH1(const QString &html);
bool isFullDocument(const QString &html);
// The JSON object --list prints; empty (and a warning) when it fails.
QJsonObject listCourse(const QString &course);

// Export targets that exist but are not regular files, as (name, path): /dev/null and
// /dev/full, and made in `folder` a named pipe, a folder, and a link to /dev/null.
QList<std::pair<QString, QString>> notRegularFiles(const QString &folder);
// What is at `path`, not following a link: "character device", "named pipe", "folder",
// "link", "regular file" or "nothing". A refused export leaves it the same.
QString fileKind(const QString &path);

}  // namespace CommandLineRun
