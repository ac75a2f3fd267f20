#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QVector>

#include <functional>

// What the on-screen figures share: a clock reading in milliseconds, waiting for the event
// loop to bring something about, and the median and worst of a set of runs.
namespace BenchRuns {
double now(const QElapsedTimer &clock);
// Processes events until `done` holds; false after timeoutMs.
bool waitFor(const std::function<bool()> &done, int timeoutMs);
// {median_ms, worst_ms, runs}, or an error when no run finished.
QJsonObject spread(QVector<double> runs);
}  // namespace BenchRuns
