#include "UnprivilegedRun.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

// Marks the child, so that a child still running as root fails instead of starting another.
constexpr char kChildMarker[] = "COURSEBOOK_TEST_UNPRIVILEGED";
// Below ctest's 300 s for the whole executable; tst_command_line's set-up writes a 5 MB page.
constexpr int kTimeoutMs = 240'000;

// The capabilities that let root past file permissions. Without them root meets the
// permission bits like anyone (as the owner of what it made), in whatever folder the
// checkout sits, a private 0700 one included: a different user could not even reach it.
const QString kPermissionCapabilities = QStringLiteral("-dac_override,-dac_read_search,-fowner");

QStringList withoutPermissionBypass(const QStringList &command)
{
    return QStringList{QStringLiteral("--inh-caps=") + kPermissionCapabilities,
                       QStringLiteral("--bounding-set=") + kPermissionCapabilities, QStringLiteral("--")}
        + command;
}

}  // namespace

bool UnprivilegedRun::needed()
{
    // Effective capabilities, as hex, from the kernel's own account of this process.
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return ::geteuid() == 0;
    static const QRegularExpression effective(QStringLiteral("^CapEff:\\s*([0-9a-f]+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = effective.match(QString::fromLatin1(status.readAll()));
    constexpr quint64 kDacOverride = 1ULL << 1;
    constexpr quint64 kDacReadSearch = 1ULL << 2;
    return !m.hasMatch() || (m.captured(1).toULongLong(nullptr, 16) & (kDacOverride | kDacReadSearch)) != 0;
}

QString UnprivilegedRun::runCurrentTest()
{
    if (qEnvironmentVariableIsSet(kChildMarker))
        return QStringLiteral("The unprivileged run can still bypass file permissions: setpriv did not drop them.");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        return QStringLiteral("Running as root, this test has to run without root's permission bypass through setpriv, "
                              "which is not installed (Debian: util-linux).");
    // A home, temporary folder and working folder of the child's own.
    QTemporaryDir home;
    if (!home.isValid())
        return QStringLiteral("Could not make a folder for the unprivileged run: %1").arg(home.errorString());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildMarker), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("TMPDIR"), home.path());
    for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"})
        env.remove(QString::fromLatin1(xdg));

    QString function = QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        function += QLatin1Char(':') + QString::fromLocal8Bit(tag);

    QProcess child;
    child.setProcessEnvironment(env);
    child.setWorkingDirectory(home.path());
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(setpriv, withoutPermissionBypass({QCoreApplication::applicationFilePath(), function}));
    const bool finished = child.waitForFinished(kTimeoutMs);
    if (!finished)
        child.kill();
    child.waitForFinished(5000);
    const QString output = QString::fromLocal8Bit(child.readAll());
    auto failed = [&](const QString &why) {
        return QStringLiteral("%1 without root's permission bypass: %2\n--- its output:\n%3").arg(function, why, output.right(6000));
    };
    if (!finished)
        return failed(QStringLiteral("did not finish within %1 s").arg(kTimeoutMs / 1000));
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return failed(QStringLiteral("exit code %1").arg(child.exitCode()));
    // Qt Test exits 0 on a skip: a test that skipped as nobody did not run.
    static const QRegularExpression totals(QStringLiteral("Totals: (\\d+) passed, (\\d+) failed, (\\d+) skipped"));
    const QRegularExpressionMatch m = totals.match(output);
    if (!m.hasMatch() || m.captured(2).toInt() != 0 || m.captured(3).toInt() != 0)
        return failed(QStringLiteral("it did not pass without skipping"));
    return {};
}
