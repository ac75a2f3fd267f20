#pragma once

#include "Answer.h"

#include "VersionBursts.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

class QSqlDatabase;

// How AnswerStore's saves become versions: one per sitting, not one per pause. Saves of an
// activity within burstSeconds of the first save of a burst rewrite that burst's version;
// a new burst, another process's version or a restore adds one.
class AnswerHistory
{
public:
    explicit AnswerHistory(int burstSeconds)
        : m_bursts(burstSeconds)
    {
    }

    void setBurstSeconds(int seconds) { m_bursts.setBurstSeconds(seconds); }  // 0: a version per save
    int burstSeconds() const { return m_bursts.burstSeconds(); }

    // Stores `answer` as the newest version, after `current` (inside the caller's
    // transaction, which has redated impossible versions: see AnswerVersionTable) and returns
    // it as stored; nullopt + *error when that fails. An invalid or impossibly late `updated`
    // becomes now, one not after the current version's 1 ms after it.
    std::optional<Answer> append(const QSqlDatabase &db, const Answer &answer, const std::optional<Answer> &current,
                                 QString *error);
    // The version in `versions` saved at versionUpdated, dated now and to be saved as a
    // version of its own; nullopt when there is none.
    std::optional<Answer> restoration(const QVector<Answer> &versions, const QDateTime &versionUpdated);

private:
    VersionBursts m_bursts;  // course + activity -> the version this store is extending
};
