// Tests that the autosaver's commits run on its AnswerWriter's thread: a save requested on the
// UI thread is committed by the writer (a write stuck behind another connection's lock does
// not hold the UI thread), is visible to a fresh connection, is told on the UI thread, and
// flush() waits for it.

#include "AnswerAutosaver.h"
#include "AnswerStore.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

const QString kCourse = QStringLiteral("connected-learning");
const QString kActivity = QStringLiteral("getting-started/welcome#reflect");
const QString kPage = QStringLiteral("getting-started/welcome");

Answer textAnswer(const QString &text)
{
    return Answer{kCourse, kActivity, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), text}}, false,
                  QDateTime::currentDateTimeUtc()};
}

// What a store opened afresh on `dataDir` (a connection of its own) reads.
QString freshlyReadText(const QString &dataDir)
{
    AnswerStore fresh;
    if (fresh.open(dataDir).status != AnswerStore::OpenReport::Status::Ok)
        return QStringLiteral("<not open>");
    const std::optional<Answer> answer = fresh.answer(kCourse, kActivity);
    return answer ? answer->value.value(QStringLiteral("text")).toString() : QStringLiteral("<none>");
}

// Another connection holding the answers file's write lock, as another store writing would.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_locked = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriteLock()
    {
        release();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isLocked() const { return m_locked; }
    void release()
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (m_locked)
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        m_locked = false;
        db.close();
    }

private:
    const QString m_name = QStringLiteral("write-lock-%1").arg(quintptr(QThread::currentThreadId()));
    bool m_locked = false;
};

AnswerAutosaver::State stateAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(1).value<AnswerAutosaver::State>();
}

}  // namespace

class TestAnswerWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<AnswerAutosaver::State>();
    }

    void aWriteWaitingForTheDiskDoesNotHoldTheUiThread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);
        QThread *toldOn = nullptr;
        connect(&store, &AnswerStore::answerSaved, this, [&] { toldOn = QThread::currentThread(); });

        // The writer's commit waits for this lock (up to the store's 5 s busy timeout). Were it
        // made on this thread, this thread could not get back here to release the lock: the
        // commit would time out and the edit be reported not saved.
        WriteLock lock(store.databasePath());
        QVERIFY(lock.isLocked());
        autosaver.edit(textAnswer(QStringLiteral("Written by the writer")));
        QTest::qWait(AnswerAutosaver::kDebounceMs * 2);  // the quiet time is over: the writer has it
        QCOMPARE(states.size(), 1);
        QCOMPARE(stateAt(states, 0), AnswerAutosaver::State::Saving);  // never "Saved" before the commit
        QVERIFY(autosaver.hasPending());
        lock.release();

        QTRY_COMPARE_WITH_TIMEOUT(states.size(), 2, 5000);
        QCOMPARE(stateAt(states, 1), AnswerAutosaver::State::Saved);
        QVERIFY(!autosaver.hasPending());
        QCOMPARE(toldOn, QThread::currentThread());  // the store's listeners hear of it on their own thread
        QCOMPARE(freshlyReadText(dir.path()), QStringLiteral("Written by the writer"));
        QCOMPARE(store.answer(kCourse, kActivity)->value.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Written by the writer"));
    }

    void flushWaitsForTheWriter()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::noteStateChanged);
        QSignalSpy noted(&store, &AnswerStore::noteSaved);

        // The lock is held by another thread for a while, so that the writer is still waiting
        // when flush() is called: flush() returns only after the commit.
        QSemaphore locked;
        const QString path = store.databasePath();
        std::unique_ptr<QThread> holder(QThread::create([&] {
            WriteLock lock(path);
            locked.release();
            QThread::msleep(300);
        }));
        holder->start();
        locked.acquire();
        autosaver.edit(textAnswer(QStringLiteral("Leaving the page")));
        autosaver.editNote(Note{kCourse, kPage, QStringLiteral("A note typed just before"), QDateTime::currentDateTimeUtc()});
        QVERIFY(autosaver.flush());
        QVERIFY(!autosaver.hasPending());
        QCOMPARE(freshlyReadText(dir.path()), QStringLiteral("Leaving the page"));
        QCOMPARE(store.note(kCourse, kPage)->text, QStringLiteral("A note typed just before"));
        QCOMPARE(noted.size(), 1);
        QCOMPARE(states.size(), 2);
        QCOMPARE(stateAt(states, 1), AnswerAutosaver::State::Saved);
        QVERIFY(holder->wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestAnswerWriter)

#include "tst_answer_writer.moc"
