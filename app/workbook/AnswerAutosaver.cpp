#include "AnswerAutosaver.h"

#include "AnswerStore.h"

AnswerAutosaver::AnswerAutosaver(AnswerStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_debounce, &QTimer::timeout, this, &AnswerAutosaver::flush);
    connect(&m_retry, &QTimer::timeout, this, &AnswerAutosaver::flush);
}

AnswerAutosaver::~AnswerAutosaver()
{
    flush();
}

QString AnswerAutosaver::key(const QString &courseId, const QString &activityId)
{
    return courseId + QChar(0x1f) + activityId;
}

void AnswerAutosaver::edit(const Answer &answer)
{
    m_pending.insert(key(answer.courseId, answer.activityId), answer);
    emit stateChanged(answer.activityId, State::Saving, QString());
    m_debounce.start();
}

void AnswerAutosaver::editNote(const Note &note)
{
    m_pendingNotes.insert(key(note.courseId, note.pageId), note);
    emit noteStateChanged(note.pageId, State::Saving, QString());
    m_debounce.start();
}

std::optional<Note> AnswerAutosaver::pendingNote(const QString &courseId, const QString &pageId) const
{
    const auto it = m_pendingNotes.constFind(key(courseId, pageId));
    return it == m_pendingNotes.cend() ? std::nullopt : std::optional<Note>(*it);
}

std::optional<Answer> AnswerAutosaver::pending(const QString &courseId, const QString &activityId) const
{
    const auto it = m_pending.constFind(key(courseId, activityId));
    return it == m_pending.cend() ? std::nullopt : std::optional<Answer>(*it);
}

bool AnswerAutosaver::flush()
{
    m_debounce.stop();
    bool allWritten = true;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (m_store->save(*it)) {
            emit stateChanged(it->activityId, State::Saved, QString());
            it = m_pending.erase(it);
        } else {
            allWritten = false;
            emit stateChanged(it->activityId, State::NotSaved, m_store->lastError());
            ++it;
        }
    }
    for (auto it = m_pendingNotes.begin(); it != m_pendingNotes.end();) {
        if (m_store->saveNote(*it)) {
            emit noteStateChanged(it->pageId, State::Saved, QString());
            it = m_pendingNotes.erase(it);
        } else {
            allWritten = false;
            emit noteStateChanged(it->pageId, State::NotSaved, m_store->lastError());
            ++it;
        }
    }
    if (allWritten)
        m_retry.stop();
    else if (!m_retry.isActive())
        m_retry.start();
    return allWritten;
}
