#include "AnswerHistory.h"

#include "AnswerVersionTable.h"

#include <QSqlDatabase>

#include <algorithm>

namespace {

QString burstKey(const QString &courseId, const QString &activityId)
{
    return courseId + QChar(0x1f) + activityId;
}

}  // namespace

std::optional<Answer> AnswerHistory::append(const QSqlDatabase &db, const Answer &answer, const std::optional<Answer> &current,
                                            QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Answer stored = answer;
    const bool possible = answer.updated.isValid() && answer.updated <= AnswerVersionTable::latestPossible(now);
    stored.updated = possible ? answer.updated.toUTC() : now;
    // `current` is never later than latestPossible (the caller redated it), so this stays a storable date.
    if (current && stored.updated <= current->updated)
        stored.updated = current->updated.addMSecs(1);
    // Saves a few hundred ms apart are one typing burst: they rewrite the burst's version
    // (inside the caller's transaction, so a crash keeps the last committed state) instead
    // of adding one per pause.
    const QString key = burstKey(answer.courseId, answer.activityId);
    const auto burst = m_bursts.constFind(key);
    if (burst != m_bursts.cend() && burst->started.secsTo(now) < m_burstSeconds
        && AnswerVersionTable::currentId(db, answer.courseId, answer.activityId) == burst->rowId) {
        if (!AnswerVersionTable::update(db, burst->rowId, stored, error))
            return std::nullopt;
    } else {
        qint64 rowId = -1;
        if (!AnswerVersionTable::insert(db, stored, error, &rowId))
            return std::nullopt;
        m_bursts.insert(key, Burst{rowId, now});
    }
    return stored;
}

std::optional<Answer> AnswerHistory::restoration(const QVector<Answer> &versions, const QDateTime &versionUpdated)
{
    using AnswerVersionTable::isoUtc;
    const auto version = std::find_if(versions.begin(), versions.end(),
                                      [&](const Answer &a) { return isoUtc(a.updated) == isoUtc(versionUpdated); });
    if (version == versions.end())
        return std::nullopt;
    Answer again = *version;
    again.updated = QDateTime::currentDateTimeUtc();
    m_bursts.remove(burstKey(again.courseId, again.activityId));  // a restore is a version of its own
    return again;
}
