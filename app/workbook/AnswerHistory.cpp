#include "AnswerHistory.h"

#include "AnswerVersionTable.h"

#include <QSqlDatabase>

#include <algorithm>

std::optional<Answer> AnswerHistory::append(const QSqlDatabase &db, const Answer &answer, const std::optional<Answer> &current,
                                            QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Answer stored = answer;
    stored.updated = VersionBursts::versionDate(answer.updated, current ? std::optional(current->updated) : std::nullopt, now);
    // Saves a few hundred ms apart are one typing burst: they rewrite the burst's version
    // (inside the caller's transaction, so a crash keeps the last committed state) instead
    // of adding one per pause.
    const QString key = VersionBursts::key(answer.courseId, answer.activityId);
    if (const auto row = m_bursts.rowToExtend(key, AnswerVersionTable::currentId(db, answer.courseId, answer.activityId), now)) {
        if (!AnswerVersionTable::update(db, *row, stored, error))
            return std::nullopt;
    } else {
        qint64 rowId = -1;
        if (!AnswerVersionTable::insert(db, stored, error, &rowId))
            return std::nullopt;
        m_bursts.started(key, rowId, now);
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
    m_bursts.forget(VersionBursts::key(again.courseId, again.activityId));  // a restore is a version of its own
    return again;
}
