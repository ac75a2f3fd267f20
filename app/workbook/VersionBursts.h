#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

// How saves become versions, for answers (AnswerHistory) and notes alike: one version per
// sitting, not one per pause. Saves of one item within burstSeconds of the first save of a
// burst rewrite that burst's version; a new burst, another process's version or a restore
// adds one.
class VersionBursts
{
public:
    explicit VersionBursts(int burstSeconds)
        : m_burstSeconds(burstSeconds)
    {
    }

    void setBurstSeconds(int seconds) { m_burstSeconds = seconds; }  // 0: a version per save
    int burstSeconds() const { return m_burstSeconds; }

    // The row a save of `key` made `now` should rewrite: the burst this object started
    // moments ago, if it is still the current version (currentRowId); else nullopt.
    std::optional<qint64> rowToExtend(const QString &key, qint64 currentRowId, const QDateTime &now) const;
    void started(const QString &key, qint64 rowId, const QDateTime &now) { m_bursts.insert(key, Burst{rowId, now}); }
    void forget(const QString &key) { m_bursts.remove(key); }

    // The date a new version gets: `requested` unless invalid or impossibly late (then now),
    // and never at or before the current version's (the clock went back: 1 ms after it), so
    // that what was saved last is always the current version.
    static QDateTime versionDate(const QDateTime &requested, const std::optional<QDateTime> &current, const QDateTime &now);

    static QString key(const QString &courseId, const QString &itemId) { return courseId + QChar(0x1f) + itemId; }

private:
    struct Burst {
        qint64 rowId;
        QDateTime started;
    };
    QHash<QString, Burst> m_bursts;
    int m_burstSeconds;
};
