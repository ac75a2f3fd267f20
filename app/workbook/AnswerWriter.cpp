#include "AnswerWriter.h"

#include "AnswerStore.h"

#include <QMutexLocker>

#include <utility>

namespace {

// Saves outcome.edit through `save` and keeps the version the store's `saved` signal tells of.
template <class T>
void writeOne(AnswerStore *store, AnswerWriter::Outcome<T> &outcome, bool (AnswerStore::*save)(const T &),
              void (AnswerStore::*saved)(const T &))
{
    // Emitted inside save() on this thread, so a direct connection sees it before save() returns.
    const QMetaObject::Connection watch = QObject::connect(store, saved, [&outcome](const T &version) { outcome.stored = version; });
    outcome.written = (store->*save)(outcome.edit);
    QObject::disconnect(watch);
    if (!outcome.written)
        outcome.error = store->lastError();
}

}  // namespace

AnswerWriter::AnswerWriter(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("AnswerWriter"));
    m_context.moveToThread(&m_thread);
}

AnswerWriter::~AnswerWriter()
{
    if (!m_thread.isRunning())
        return;
    // After every write queued before it; the store's connection goes on the thread it belongs to.
    QMetaObject::invokeMethod(&m_context, [this] { delete m_store; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AnswerWriter::submit(Batch batch)
{
    if (!m_thread.isRunning())
        m_thread.start();  // on the first write: a writer that never writes costs no thread
    QMetaObject::invokeMethod(&m_context, [this, batch]() mutable {
        write(batch);
        {
            const QMutexLocker lock(&m_finishedLock);
            m_finished.append(std::move(batch));
        }
        emit finished();
    }, Qt::QueuedConnection);
}

void AnswerWriter::waitForAll()
{
    if (m_thread.isRunning())  // the thread's queue is in order: an empty call returns after every write before it
        QMetaObject::invokeMethod(&m_context, [] {}, Qt::BlockingQueuedConnection);
}

QVector<AnswerWriter::Batch> AnswerWriter::takeFinished()
{
    const QMutexLocker lock(&m_finishedLock);
    return std::exchange(m_finished, {});
}

void AnswerWriter::write(Batch &batch)
{
    if (!m_store || m_openedDir != batch.dataDir) {
        if (!m_store)
            m_store = new AnswerStore;
        // A folder that cannot be opened now is reported by the saves below, which reopen it.
        m_store->open(batch.dataDir);
        m_openedDir = batch.dataDir;
    }
    m_store->setBurstSeconds(batch.burstSeconds);
    for (Outcome<Answer> &outcome : batch.answers)
        writeOne(m_store, outcome, &AnswerStore::save, &AnswerStore::answerSaved);
    for (Outcome<Note> &outcome : batch.notes)
        writeOne(m_store, outcome, &AnswerStore::saveNote, &AnswerStore::noteSaved);
    for (Outcome<Position> &outcome : batch.positions) {
        const Position &at = outcome.edit;
        outcome.written = m_store->saveReadingPosition(at.courseId, at.pageId, at.anchor, at.offset);
        if (!outcome.written)
            outcome.error = m_store->lastError();
    }
}
