#include "StartupFigures.h"

#include "ProcessTreeMemory.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <optional>

namespace {
constexpr int kStarts = 5;
constexpr int kPollMs = 500;
constexpr int kSettleAtLeastMs = 3000;
constexpr int kSettleAtMostMs = 20000;
constexpr double kSettledChange = 0.02;

// Settings, answers and caches in folders of the bench's own, so timing never touches the
// reader's; shared by the starts of one figure, as a returning reader's are.
QProcessEnvironment environmentIn(const QTemporaryDir &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    return environment;
}

QStringList arguments(const QString &coursePath, bool bareView, bool firstPaint)
{
    QStringList args{QStringLiteral("--course"), coursePath};
    if (firstPaint)
        args << QStringLiteral("--first-paint");
    if (bareView)
        args << QStringLiteral("--bare-view");
    return args;
}

// One start with --first-paint: the milliseconds it printed, or nothing and why.
std::optional<double> timeStart(const QProcessEnvironment &environment, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(COURSEBOOK_APP_PATH), args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QStringLiteral("failed: ") + QString::fromUtf8(process.readAllStandardError()).trimmed();
        return std::nullopt;
    }
    bool ok = false;
    const double value = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toDouble(&ok);
    if (!ok)
        *error = QStringLiteral("no figure printed");
    return ok ? std::optional<double>(value) : std::nullopt;
}

double median(QVector<double> runs)
{
    std::sort(runs.begin(), runs.end());
    return runs.at(runs.size() / 2);
}

// The process tree's memory once it has settled: two readings a second apart within 2 % of
// each other, after at least three seconds. 0 if the process ended.
qint64 settledPssKb(QProcess &process)
{
    QVector<qint64> readings;
    for (int waited = 0; waited < kSettleAtMostMs; waited += kPollMs) {
        if (process.waitForFinished(kPollMs))
            return 0;
        readings.append(ProcessTreeMemory::pssKb(process.processId()));
        const qsizetype n = readings.size();
        if (waited >= kSettleAtLeastMs && n >= 3
            && std::abs(double(readings[n - 1] - readings[n - 3])) <= kSettledChange * double(readings[n - 1]))
            break;
    }
    return readings.isEmpty() ? 0 : readings.last();
}

qint64 memoryOf(const QProcessEnvironment &environment, const QStringList &args)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(COURSEBOOK_APP_PATH), args);
    if (!process.waitForStarted())
        return 0;
    const qint64 kb = settledPssKb(process);
    process.terminate();  // the app's children follow it out when their pipe to it closes
    if (!process.waitForFinished(10000))
        process.kill();
    process.waitForFinished();
    return kb;
}

double ratio(double value, double peer) { return peer > 0 ? value / peer : 0.0; }
}  // namespace

QJsonObject StartupFigures::firstPaint(const QString &coursePath)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))  // the spawned app needs one to paint
        return {{QStringLiteral("first_paint_ms"), QStringLiteral("skipped: no display")}};
    QTemporaryDir home;
    const QProcessEnvironment environment = environmentIn(home);
    QVector<double> app;
    QVector<double> bare;
    QString error;
    // In turns, so a busy moment of the machine falls on both alike.
    for (int i = 0; i < kStarts && error.isEmpty(); ++i) {
        if (const auto ms = timeStart(environment, arguments(coursePath, false, true), &error))
            app.append(*ms);
        if (const auto ms = timeStart(environment, arguments(coursePath, true, true), &error))
            bare.append(*ms);
    }
    if (!error.isEmpty())
        return {{QStringLiteral("first_paint_ms"), error}};
    return {{QStringLiteral("first_paint_ms"), median(app)},
            {QStringLiteral("bare_view_first_paint_ms"), median(bare)},
            {QStringLiteral("first_paint_vs_bare_view_ratio"), ratio(median(app), median(bare))}};
}

QJsonObject StartupFigures::memory(const QString &coursePath)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        return {{QStringLiteral("app_pss_mb"), QStringLiteral("skipped: no display")}};
    QTemporaryDir home;
    const QProcessEnvironment environment = environmentIn(home);
    const double app = double(memoryOf(environment, arguments(coursePath, false, false))) / 1024.0;
    const double bare = double(memoryOf(environment, arguments(coursePath, true, false))) / 1024.0;
    if (app <= 0 || bare <= 0)
        return {{QStringLiteral("app_pss_mb"), QStringLiteral("failed: no memory read (a process ended early, or /proc is not there)")}};
    return {{QStringLiteral("app_pss_mb"), app},
            {QStringLiteral("bare_view_pss_mb"), bare},
            {QStringLiteral("app_vs_bare_view_ratio"), ratio(app, bare)}};
}
