#include "UnprivilegedRun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace {

// Marks the child, so that a child still running as root fails instead of starting another.
constexpr char kChildMarker[] = "COURSEBOOK_TEST_UNPRIVILEGED";
// Below ctest's 300 s for the whole executable; tst_command_line's set-up writes a 5 MB page.
constexpr int kTimeoutMs = 240'000;

struct Account {
    uid_t uid = 0;
    gid_t gid = 0;
};

std::optional<Account> nobody()
{
    const passwd *user = ::getpwnam("nobody");
    if (!user)
        return std::nullopt;
    const group *nogroup = ::getgrnam("nogroup");
    return Account{user->pw_uid, nogroup ? nogroup->gr_gid : user->pw_gid};
}

QStringList asNobody(const Account &account, const QStringList &command)
{
    return QStringList{QStringLiteral("--reuid=%1").arg(account.uid), QStringLiteral("--regid=%1").arg(account.gid),
                       QStringLiteral("--clear-groups"), QStringLiteral("--")}
        + command;
}

// `test OPERATOR path` as nobody: how the child would find the path.
bool nobodyPasses(const QString &setpriv, const Account &account, const QString &op, const QString &path)
{
    return QProcess::execute(setpriv, asNobody(account, {QStringLiteral("/usr/bin/test"), op, path})) == 0;
}

// Why nobody could not run this test, or could write where a test must not; empty when fine.
QString unusablePaths(const QString &setpriv, const Account &account, const QStringList &readable)
{
    const QString binary = QCoreApplication::applicationFilePath();
    QStringList problems;
    if (!nobodyPasses(setpriv, account, QStringLiteral("-x"), binary))
        problems << QStringLiteral("cannot run %1").arg(binary);
    QStringList readOnly{QFileInfo(binary).absolutePath()};
    for (const QString &folder : readable) {
        if (!nobodyPasses(setpriv, account, QStringLiteral("-r"), folder + QStringLiteral("/.")))
            problems << QStringLiteral("cannot read %1").arg(folder);
        readOnly << folder << QFileInfo(folder).absolutePath();
    }
    for (const QString &folder : std::as_const(readOnly)) {
        if (nobodyPasses(setpriv, account, QStringLiteral("-w"), folder))
            problems << QStringLiteral("could write into %1").arg(folder);
    }
    if (problems.isEmpty())
        return {};
    return QStringLiteral("The unprivileged run as nobody %1: every folder on the way needs o+rx "
                          "(chmod o+rx), and none of the repository may be writable by others.")
        .arg(problems.join(QStringLiteral(", ")));
}

}  // namespace

bool UnprivilegedRun::needed()
{
    return ::geteuid() == 0;
}

QString UnprivilegedRun::runCurrentTest(const QStringList &readable)
{
    if (qEnvironmentVariableIsSet(kChildMarker))
        return QStringLiteral("The unprivileged run is still root: setpriv did not drop the privileges.");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        return QStringLiteral("Running as root, this test has to run as nobody through setpriv, which is not installed "
                              "(Debian: util-linux).");
    const std::optional<Account> account = nobody();
    if (!account)
        return QStringLiteral("Running as root, this test has to run as the user nobody, who does not exist here.");
    if (const QString problem = unusablePaths(setpriv, *account, readable); !problem.isEmpty())
        return problem;

    // A home, temporary folder and working folder only the child can write.
    QTemporaryDir home;
    if (!home.isValid() || ::chown(QFile::encodeName(home.path()).constData(), account->uid, account->gid) != 0)
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
    child.start(setpriv, asNobody(*account, {QCoreApplication::applicationFilePath(), function}));
    const bool finished = child.waitForFinished(kTimeoutMs);
    if (!finished)
        child.kill();
    child.waitForFinished(5000);
    const QString output = QString::fromLocal8Bit(child.readAll());
    auto failed = [&](const QString &why) {
        return QStringLiteral("%1 as nobody: %2\n--- its output:\n%3").arg(function, why, output.right(6000));
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
