#include "BenchRuns.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <algorithm>

double BenchRuns::now(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

bool BenchRuns::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    for (QDeadlineTimer deadline(timeoutMs); !deadline.hasExpired(); QCoreApplication::processEvents(QEventLoop::AllEvents, 5)) {
        if (done())
            return true;
    }
    return done();
}

QJsonObject BenchRuns::spread(QVector<double> runs)
{
    if (runs.isEmpty())
        return {{QStringLiteral("error"), QStringLiteral("no run finished")}};
    std::sort(runs.begin(), runs.end());
    return {{QStringLiteral("median_ms"), runs.at(runs.size() / 2)}, {QStringLiteral("worst_ms"), runs.last()},
            {QStringLiteral("runs"), int(runs.size())}};
}
