#pragma once

#include "Answer.h"
#include "AnswerWriter.h"
#include "Note.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

class AnswerStore;

// Between the editors and the store: every edit is committed shortly after the last
// keystroke (or at once on flush: focus change, page change, quit); an edit the disk
// refuses stays in memory, is reported, and is retried until it is written. The notes
// pane's edits go the same way, so one flush writes everything the learner typed.
// The commits run on the AnswerWriter's thread, so a keystroke never waits for the disk;
// "Saved" is said, and the store's answerSaved()/noteSaved() told, once the commit is done.
// Reading positions take the same thread, written as they come (the reader saves one when a
// scroll comes to rest or a page is turned): a page turn or a scroll never waits for a sync
// either, and the store's progressChanged() follows the commit.
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
    void savePosition(const AnswerWriter::Position &position);  // a failure is logged: a position is not the learner's work
    // Writes everything pending and waits for the writer, so that what comes next (a page
    // turn, quitting, an export) finds it stored: false while something could not be written.
    bool flush();
    bool hasPending() const { return !m_answers.pending.isEmpty() || !m_notes.pending.isEmpty(); }
    // The edit not yet committed (perhaps being written right now), if any.
    std::optional<Answer> pending(const QString &courseId, const QString &activityId) const;
    std::optional<Note> pendingNote(const QString &courseId, const QString &pageId) const;

    // Quiet time after the last keystroke: leaves room for the write inside the 300 ms promise
    // (at 250 ms the bench saw the last key committed after 328 ms on a loaded 2-core machine).
    static constexpr int kDebounceMs = 200;
    static constexpr int kRetryMs = 2000;

signals:
    void stateChanged(const QString &activityId, AnswerAutosaver::State state, const QString &detail);
    void noteStateChanged(const QString &pageId, AnswerAutosaver::State state, const QString &detail);

private:
    // The uncommitted edits of one kind, by key(); `submitted`: those the writer has, unchanged since.
    template <class T>
    struct Edits {
        QHash<QString, T> pending;
        QSet<QString> submitted;
    };

    AnswerWriter::Batch newBatch() const;  // for the store's folder, its edits to come
    void submit();        // hands the writer every edit it does not have yet; returns at once
    void takeOutcomes();  // reports what the writer committed or refused
    template <class T>
    void queue(Edits<T> &edits, const T &edit);
    template <class T>
    void handOver(Edits<T> &edits, QVector<AnswerWriter::Outcome<T>> *into);
    template <class T>
    bool settle(Edits<T> &edits, const QVector<AnswerWriter::Outcome<T>> &outcomes);  // false: something was refused
    void report(const Answer &answer, State state, const QString &detail);
    void report(const Note &note, State state, const QString &detail);

    static QString key(const QString &courseId, const QString &itemId);
    static QString key(const Answer &answer) { return key(answer.courseId, answer.activityId); }
    static QString key(const Note &note) { return key(note.courseId, note.pageId); }

    AnswerStore *m_store;
    AnswerWriter m_writer;
    Edits<Answer> m_answers;
    Edits<Note> m_notes;
    QTimer m_debounce;
    QTimer m_retry;
};
