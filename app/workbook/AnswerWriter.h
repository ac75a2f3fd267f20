#pragma once

#include "Answer.h"
#include "Note.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QVector>

#include <optional>

class AnswerStore;

// The autosaver's writes (answers, notes, reading positions), on a thread of their own: a
// commit syncs to disk (synchronous=FULL), which can take a slow laptop's disk a tenth of a
// second, and the learner's next keystroke must not wait for it. The thread has an AnswerStore of its own on the same answers file,
// as Qt Sql connections belong to the thread that made them, so versions, bursts and the
// search index's triggers are exactly those of AnswerStore::save(). Writes run in the order
// they were submitted; their outcomes are taken on the thread that made the writer.
class AnswerWriter : public QObject
{
    Q_OBJECT
public:
    template <class T>
    struct Outcome {
        T edit;                   // as submitted
        bool written = false;     // committed, or already stored as it is
        std::optional<T> stored;  // the version appended, when one was
        QString error;            // for the learner, when not written
    };
    // Where the learner is in a page (a visit: no anchor, offset 0), as saveReadingPosition() takes it.
    struct Position {
        QString courseId;
        QString pageId;
        QString anchor;
        double offset = 0;
    };
    struct Batch {
        QString dataDir;  // the answers folder, as AnswerStore::open() takes it
        int burstSeconds = 0;
        QVector<Outcome<Answer>> answers;
        QVector<Outcome<Note>> notes;
        QVector<Outcome<Position>> positions;
    };

    explicit AnswerWriter(QObject *parent = nullptr);
    ~AnswerWriter() override;  // after writing everything submitted

    // Returns at once; the batch holds the edits, their outcomes unset.
    void submit(Batch batch);
    void waitForAll();  // returns once everything submitted is committed or refused
    QVector<Batch> takeFinished();  // the batches written since the last call, in order

signals:
    void finished();  // a batch was written: takeFinished() has it (emitted on the writer's thread)

private:
    void write(Batch &batch);  // on the writer's thread

    QThread m_thread;
    QObject m_context;             // lives on m_thread: the writes run in its event loop
    AnswerStore *m_store = nullptr;  // made, used and deleted on m_thread
    QString m_openedDir;             // the folder m_store was opened on (on m_thread)
    QMutex m_finishedLock;
    QVector<Batch> m_finished;
};
