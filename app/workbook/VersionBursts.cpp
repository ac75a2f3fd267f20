#include "VersionBursts.h"

#include "AnswerVersionTable.h"

std::optional<qint64> VersionBursts::rowToExtend(const QString &key, qint64 currentRowId, const QDateTime &now) const
{
    const auto burst = m_bursts.constFind(key);
    if (burst == m_bursts.cend() || burst->started.secsTo(now) >= m_burstSeconds || burst->rowId != currentRowId)
        return std::nullopt;
    return burst->rowId;
}

QDateTime VersionBursts::versionDate(const QDateTime &requested, const std::optional<QDateTime> &current, const QDateTime &now)
{
    const bool possible = requested.isValid() && requested <= AnswerVersionTable::latestPossible(now);
    QDateTime date = possible ? requested.toUTC() : now;
    // `current` is never later than latestPossible (the caller redated it), so this stays a storable date.
    if (current && date <= *current)
        date = current->addMSecs(1);
    return date;
}
