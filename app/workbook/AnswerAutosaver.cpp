#include "AnswerAutosaver.h"

#include "AnswerStore.h"
#include "StoreLog.h"

#include <QFileInfo>

#include <algorithm>

AnswerAutosaver::AnswerAutosaver(AnswerStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_debounce, &QTimer::timeout, this, &AnswerAutosaver::submit);
    connect(&m_retry, &QTimer::timeout, this, &AnswerAutosaver::submit);
    // finished() comes from the writer's thread: its outcomes are reported on this one.
    connect(&m_writer, &AnswerWriter::finished, this, &AnswerAutosaver::takeOutcomes, Qt::QueuedConnection);
}

AnswerAutosaver::~AnswerAutosaver()
{
    flush();
}

QString AnswerAutosaver::key(const QString &courseId, const QString &itemId)
{
    return courseId + QChar(0x1f) + itemId;
}

void AnswerAutosaver::report(const Answer &answer, State state, const QString &detail)
{
    emit stateChanged(answer.activityId, state, detail);
}

void AnswerAutosaver::report(const Note &note, State state, const QString &detail)
{
    emit noteStateChanged(note.pageId, state, detail);
}

template <class T>
void AnswerAutosaver::queue(Edits<T> &edits, const T &edit)
{
    const QString k = key(edit);
    edits.pending.insert(k, edit);
    edits.submitted.remove(k);  // the writer has an older text, if any
    report(edit, State::Saving, QString());
    m_debounce.start();
}

void AnswerAutosaver::edit(const Answer &answer)
{
    queue(m_answers, answer);
}

void AnswerAutosaver::editNote(const Note &note)
{
    queue(m_notes, note);
}

std::optional<Note> AnswerAutosaver::pendingNote(const QString &courseId, const QString &pageId) const
{
    const auto it = m_notes.pending.constFind(key(courseId, pageId));
    return it == m_notes.pending.cend() ? std::nullopt : std::optional<Note>(*it);
}

std::optional<Answer> AnswerAutosaver::pending(const QString &courseId, const QString &activityId) const
{
    const auto it = m_answers.pending.constFind(key(courseId, activityId));
    return it == m_answers.pending.cend() ? std::nullopt : std::optional<Answer>(*it);
}

void AnswerAutosaver::savePosition(const AnswerWriter::Position &position)
{
    AnswerWriter::Batch batch = newBatch();
    AnswerWriter::Outcome<AnswerWriter::Position> outcome;
    outcome.edit = position;
    batch.positions.append(outcome);
    m_writer.submit(std::move(batch));
}

AnswerWriter::Batch AnswerAutosaver::newBatch() const
{
    AnswerWriter::Batch batch;
    const QString path = m_store->databasePath();
    batch.dataDir = path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
    batch.burstSeconds = m_store->burstSeconds();
    return batch;
}

template <class T>
void AnswerAutosaver::handOver(Edits<T> &edits, QVector<AnswerWriter::Outcome<T>> *into)
{
    for (auto it = edits.pending.cbegin(); it != edits.pending.cend(); ++it) {
        if (edits.submitted.contains(it.key()))
            continue;
        AnswerWriter::Outcome<T> outcome;
        outcome.edit = *it;
        into->append(outcome);
        edits.submitted.insert(it.key());
    }
}

void AnswerAutosaver::submit()
{
    m_debounce.stop();
    AnswerWriter::Batch batch = newBatch();
    handOver(m_answers, &batch.answers);
    handOver(m_notes, &batch.notes);
    if (!batch.answers.isEmpty() || !batch.notes.isEmpty())
        m_writer.submit(std::move(batch));
}

bool AnswerAutosaver::flush()
{
    submit();
    m_writer.waitForAll();
    takeOutcomes();
    return !hasPending();
}

template <class T>
bool AnswerAutosaver::settle(Edits<T> &edits, const QVector<AnswerWriter::Outcome<T>> &outcomes)
{
    bool allWritten = true;
    for (const AnswerWriter::Outcome<T> &outcome : outcomes) {
        const QString k = key(outcome.edit);
        const auto it = edits.pending.constFind(k);
        // Not current: typed over since it was handed over, and the newer text is still to come.
        const bool current = it != edits.pending.cend() && edits.submitted.contains(k) && *it == outcome.edit;
        if (outcome.stored)
            m_store->announce(*outcome.stored);
        if (!outcome.written) {
            allWritten = false;
            if (current)
                edits.submitted.remove(k);  // handed over again by the retry
            report(outcome.edit, State::NotSaved, outcome.error);
        } else if (current) {
            report(outcome.edit, State::Saved, QString());
            edits.pending.remove(k);
            edits.submitted.remove(k);
        }
    }
    return allWritten;
}

void AnswerAutosaver::takeOutcomes()
{
    const auto anyWritten = [](const auto &outcomes) {
        return std::any_of(outcomes.cbegin(), outcomes.cend(), [](const auto &outcome) { return outcome.written; });
    };
    bool allWritten = true;
    for (const AnswerWriter::Batch &batch : m_writer.takeFinished()) {
        // The writer reopens a file that vanished or became writable; the store's own connection
        // follows it before anyone is told, so that reads see what was just written.
        if (anyWritten(batch.answers) || anyWritten(batch.notes) || anyWritten(batch.positions))
            m_store->ensureWritable();
        allWritten = settle(m_answers, batch.answers) && allWritten;
        allWritten = settle(m_notes, batch.notes) && allWritten;
        for (const AnswerWriter::Outcome<AnswerWriter::Position> &outcome : batch.positions) {
            if (outcome.written)
                m_store->announceProgress(outcome.edit.courseId, outcome.edit.pageId);
            else
                qCWarning(lcStore).noquote() << "reading position not saved:" << outcome.error;
        }
    }
    if (!allWritten) {
        if (!m_retry.isActive())
            m_retry.start();
    } else if (!hasPending()) {
        m_retry.stop();
    }
}
