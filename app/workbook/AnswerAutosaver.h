#pragma once

#include "Answer.h"
#include "Note.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

class AnswerStore;

// Between the editors and the store: every edit is committed shortly after the last
// keystroke (or at once on flush: focus change, page change, quit); an edit the disk
// refuses stays in memory, is reported, and is retried until it is written. The notes
// pane's edits go the same way, so one flush writes everything the learner typed.
class AnswerAutosaver : public QObject
{
    Q_OBJECT
public:
    enum class State { Saving, Saved, NotSaved };
    Q_ENUM(State)

    explicit AnswerAutosaver(AnswerStore *store, QObject *parent = nullptr);
    ~AnswerAutosaver() override;

    void edit(const Answer &answer);
    void editNote(const Note &note);
    bool flush();  // false while something could not be written
    bool hasPending() const { return !m_pending.isEmpty() || !m_pendingNotes.isEmpty(); }
    std::optional<Answer> pending(const QString &courseId, const QString &activityId) const;
    std::optional<Note> pendingNote(const QString &courseId, const QString &pageId) const;

    // Quiet time after the last keystroke: leaves room for the write inside the 300 ms promise.
    static constexpr int kDebounceMs = 250;
    static constexpr int kRetryMs = 2000;

signals:
    void stateChanged(const QString &activityId, AnswerAutosaver::State state, const QString &detail);
    void noteStateChanged(const QString &pageId, AnswerAutosaver::State state, const QString &detail);

private:
    static QString key(const QString &courseId, const QString &activityId);

    AnswerStore *m_store;
    QHash<QString, Answer> m_pending;
    QHash<QString, Note> m_pendingNotes;
    QTimer m_debounce;
    QTimer m_retry;
};
