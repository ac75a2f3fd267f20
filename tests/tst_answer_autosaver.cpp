// Tests for AnswerAutosaver: edits reach a real AnswerStore after the quiet time (or at once
// on flush), bursts of edits are one write, and an edit the disk refuses is kept, reported
// and retried until it is written.

#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kCourse = QStringLiteral("connected-learning");
const QString kActivity = QStringLiteral("getting-started/welcome#reflect");

Answer textAnswer(const QString &text, const QString &activityId = kActivity)
{
    return Answer{kCourse, activityId, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), text}}, false,
                  QDateTime::currentDateTimeUtc()};
}

QString storedText(const AnswerStore &store, const QString &activityId = kActivity)
{
    const std::optional<Answer> answer = store.answer(kCourse, activityId);
    return answer ? answer->value.value(QStringLiteral("text")).toString() : QStringLiteral("<none>");
}

AnswerAutosaver::State stateAt(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(1).value<AnswerAutosaver::State>();
}

// QTimer's default coarse timers may fire up to 5% early.
constexpr qint64 kEarliestDebounceMs = AnswerAutosaver::kDebounceMs * 95 / 100 - 1;
// README: "committed to disk within 300 ms of your last keystroke". The margin is for a
// loaded machine (suites running side by side); a quiet time that breaks the promise, such
// as 600 ms, lands after it whatever the load.
constexpr qint64 kLatestCommitMs = 300 + 250;

QString commitFigure(qint64 committedAfter)
{
    return QStringLiteral("committed %1 ms after the last edit; the README promises 300 ms (%2 ms allowed under load)")
        .arg(committedAfter)
        .arg(kLatestCommitMs);
}

}  // namespace

class TestAnswerAutosaver : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<AnswerAutosaver::State>();
    }

    void editSavesAfterTheQuietTime()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);
        // answerSaved comes right after the SQLite COMMIT: the moment the promise is about.
        QElapsedTimer clock;
        qint64 committedAfter = -1;
        connect(&store, &AnswerStore::answerSaved, this, [&] { committedAfter = clock.elapsed(); });

        clock.start();
        autosaver.edit(textAnswer(QStringLiteral("First thoughts")));
        // "Saving…" at once, nothing written yet.
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.at(0).at(0).toString(), kActivity);
        QCOMPARE(stateAt(states, 0), AnswerAutosaver::State::Saving);
        QVERIFY(!store.answer(kCourse, kActivity));
        QVERIFY(autosaver.hasPending());

        QVERIFY(states.wait(5000));
        QCOMPARE(states.size(), 2);
        QCOMPARE(stateAt(states, 1), AnswerAutosaver::State::Saved);
        QCOMPARE(states.at(1).at(0).toString(), kActivity);
        QVERIFY(states.at(1).at(2).toString().isEmpty());
        QVERIFY2(committedAfter >= kEarliestDebounceMs, qPrintable(commitFigure(committedAfter)));
        QVERIFY2(committedAfter <= kLatestCommitMs, qPrintable(commitFigure(committedAfter)));
        QCOMPARE(storedText(store), QStringLiteral("First thoughts"));
        QVERIFY(!autosaver.hasPending());
    }

    void aBurstOfEditsIsOneWriteOfTheLast()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        store.setBurstSeconds(0);  // every write is a version of its own, so versions count writes
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);
        QSignalSpy written(&store, &AnswerStore::answerSaved);
        QElapsedTimer sinceLastEdit;
        qint64 committedAfter = -1;
        connect(&store, &AnswerStore::answerSaved, this, [&] { committedAfter = sinceLastEdit.elapsed(); });

        // Keystrokes 25 ms apart for longer than the quiet time: each restarts it.
        const QString sentence = QStringLiteral("Teens learn by doing. ");
        QString typed;
        QElapsedTimer clock;
        clock.start();
        qint64 longestGap = 0;
        qint64 last = 0;
        for (;;) {
            typed += sentence.at(typed.size() % sentence.size());
            autosaver.edit(textAnswer(typed));
            sinceLastEdit.start();
            longestGap = qMax(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
            if (typed.size() >= sentence.size() && clock.elapsed() > AnswerAutosaver::kDebounceMs)
                break;
            QTest::qWait(25);
        }
        // A pause as long as the quiet time is not a burst any more: say so rather than skip.
        QVERIFY2(longestGap < kEarliestDebounceMs,
                 qPrintable(QStringLiteral("keystrokes meant to be 25 ms apart came %1 ms apart, longer than the %2 ms quiet time: "
                                           "the machine is too loaded for this test")
                                .arg(longestGap)
                                .arg(AnswerAutosaver::kDebounceMs)));
        QCOMPARE(written.size(), 0);

        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 5000);
        QVERIFY2(committedAfter >= kEarliestDebounceMs, qPrintable(commitFigure(committedAfter)));
        QVERIFY2(committedAfter <= kLatestCommitMs, qPrintable(commitFigure(committedAfter)));
        QTest::qWait(AnswerAutosaver::kDebounceMs * 2);  // nothing else comes
        QCOMPARE(written.size(), 1);
        const QVector<Answer> history = store.history(kCourse, kActivity);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().value.value(QStringLiteral("text")).toString(), typed);

        int saving = 0, saved = 0;
        for (qsizetype i = 0; i < states.size(); ++i) {
            if (stateAt(states, i) == AnswerAutosaver::State::Saving)
                ++saving;
            else if (stateAt(states, i) == AnswerAutosaver::State::Saved)
                ++saved;
        }
        QCOMPARE(saving, int(typed.size()));
        QCOMPARE(saved, 1);
        QCOMPARE(stateAt(states, states.size() - 1), AnswerAutosaver::State::Saved);
    }

    void editsOfSeveralActivitiesAreAllWritten()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        store.setBurstSeconds(0);
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        const QString other = QStringLiteral("getting-started/welcome#kwl");
        autosaver.edit(textAnswer(QStringLiteral("one")));
        autosaver.edit(textAnswer(QStringLiteral("two"), other));
        autosaver.edit(textAnswer(QStringLiteral("one, again")));
        QTRY_VERIFY_WITH_TIMEOUT(!autosaver.hasPending(), 5000);
        QCOMPARE(storedText(store), QStringLiteral("one, again"));
        QCOMPARE(storedText(store, other), QStringLiteral("two"));
        QCOMPARE(store.history(kCourse, kActivity).size(), 1);
        QCOMPARE(store.history(kCourse, other).size(), 1);
    }

    void flushWritesAtOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        store.setBurstSeconds(0);
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);

        autosaver.edit(textAnswer(QStringLiteral("Leaving the page")));
        QVERIFY(!store.answer(kCourse, kActivity));
        QVERIFY(autosaver.flush());
        QCOMPARE(storedText(store), QStringLiteral("Leaving the page"));
        QVERIFY(!autosaver.hasPending());
        QCOMPARE(states.size(), 2);
        QCOMPARE(stateAt(states, 1), AnswerAutosaver::State::Saved);

        // The quiet time was cancelled: it writes nothing more and says nothing more.
        QTest::qWait(AnswerAutosaver::kDebounceMs * 2);
        QCOMPARE(states.size(), 2);
        QCOMPARE(store.history(kCourse, kActivity).size(), 1);

        QVERIFY(autosaver.flush());  // nothing pending: nothing to do
        QCOMPARE(states.size(), 2);
        QCOMPARE(store.history(kCourse, kActivity).size(), 1);
    }

    void pendingIsTheUnsavedEdit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QVERIFY(!autosaver.hasPending());
        QVERIFY(!autosaver.pending(kCourse, kActivity));

        const Answer first = textAnswer(QStringLiteral("draft"));
        autosaver.edit(first);
        std::optional<Answer> pending = autosaver.pending(kCourse, kActivity);
        QVERIFY(pending);
        QCOMPARE(*pending, first);
        const Answer second = textAnswer(QStringLiteral("draft, longer"));
        autosaver.edit(second);
        pending = autosaver.pending(kCourse, kActivity);
        QVERIFY(pending);
        QCOMPARE(*pending, second);
        // Keyed by course and activity.
        QVERIFY(!autosaver.pending(QStringLiteral("another-course"), kActivity));
        QVERIFY(!autosaver.pending(kCourse, QStringLiteral("getting-started/welcome#other")));
        QVERIFY(!store.answer(kCourse, kActivity));

        QTRY_VERIFY_WITH_TIMEOUT(!autosaver.hasPending(), 5000);
        QVERIFY(!autosaver.pending(kCourse, kActivity));
        QCOMPARE(storedText(store), QStringLiteral("draft, longer"));
    }

    void refusedEditIsKeptAndRetried_data()
    {
        QTest::addColumn<bool>("readOnlyFolder");
        QTest::newRow("file in the way of the folder") << false;
        QTest::newRow("read-only folder") << true;
    }
    void refusedEditIsKeptAndRetried()
    {
        QFETCH(bool, readOnlyFolder);
        if (readOnlyFolder)
            RUN_UNPRIVILEGED_WHEN_ROOT();  // root writes into read-only folders

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        const QString dataDir = blocker + QStringLiteral("/answers");
        auto unblock = [&] {
            if (readOnlyFolder)
                return QFile::setPermissions(blocker, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            return QFile::remove(blocker);
        };
        if (readOnlyFolder) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("blocker")));
            QVERIFY(QFile::setPermissions(blocker, QFile::ReadOwner | QFile::ExeOwner));
        } else {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write("not a folder") > 0);
        }
        auto restore = qScopeGuard([&] {
            if (readOnlyFolder)
                unblock();
        });

        AnswerStore store;
        store.setBurstSeconds(0);
        QVERIFY(store.open(dataDir).status != AnswerStore::OpenReport::Status::Ok);
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);

        const Answer edit = textAnswer(QStringLiteral("Keep me"));
        autosaver.edit(edit);
        QVERIFY(states.wait(5000));
        QCOMPARE(states.size(), 2);
        QCOMPARE(stateAt(states, 1), AnswerAutosaver::State::NotSaved);
        QCOMPARE(states.at(1).at(0).toString(), kActivity);
        QVERIFY(!states.at(1).at(2).toString().trimmed().isEmpty());
        QVERIFY(autosaver.hasPending());
        std::optional<Answer> pending = autosaver.pending(kCourse, kActivity);
        QVERIFY(pending);
        QCOMPARE(*pending, edit);
        QVERIFY(!autosaver.flush());  // still refused, still kept
        QVERIFY(autosaver.hasPending());
        QCOMPARE(stateAt(states, states.size() - 1), AnswerAutosaver::State::NotSaved);

        // While the disk refuses, it keeps trying every kRetryMs, and never says Saved.
        states.clear();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(states.wait(AnswerAutosaver::kRetryMs + 3000));
        QVERIFY2(clock.elapsed() >= AnswerAutosaver::kRetryMs * 95 / 100 - 1,
                 qPrintable(QStringLiteral("retried after %1 ms").arg(clock.elapsed())));
        QCOMPARE(states.size(), 1);
        QCOMPARE(stateAt(states, 0), AnswerAutosaver::State::NotSaved);
        QVERIFY(!states.at(0).at(2).toString().trimmed().isEmpty());
        QVERIFY(autosaver.hasPending());

        // Once the folder can be written, the next retry writes it without another edit.
        QVERIFY(unblock());
        states.clear();
        QVERIFY(states.wait(AnswerAutosaver::kRetryMs + 3000));
        QCOMPARE(states.size(), 1);
        QCOMPARE(stateAt(states, 0), AnswerAutosaver::State::Saved);
        QCOMPARE(states.at(0).at(0).toString(), kActivity);
        QVERIFY(!autosaver.hasPending());
        QVERIFY(!autosaver.pending(kCourse, kActivity));
        QCOMPARE(storedText(store), QStringLiteral("Keep me"));
        QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/answers.sqlite")));

        // And that was the end of the retries.
        QVERIFY(!states.wait(AnswerAutosaver::kRetryMs + 500));
        QCOMPARE(store.history(kCourse, kActivity).size(), 1);
    }

    void anEditWhileRefusedReplacesTheKeptOne()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write("x") > 0);
        }
        AnswerStore store;
        store.setBurstSeconds(0);
        store.open(blocker + QStringLiteral("/answers"));
        AnswerAutosaver autosaver(&store);
        QSignalSpy states(&autosaver, &AnswerAutosaver::stateChanged);
        autosaver.edit(textAnswer(QStringLiteral("old")));
        QVERIFY(!autosaver.flush());
        autosaver.edit(textAnswer(QStringLiteral("new")));
        QVERIFY(!autosaver.flush());
        QCOMPARE(autosaver.pending(kCourse, kActivity)->value.value(QStringLiteral("text")).toString(), QStringLiteral("new"));
        QVERIFY(QFile::remove(blocker));
        QVERIFY(autosaver.flush());
        QCOMPARE(storedText(store), QStringLiteral("new"));
        QCOMPARE(store.history(kCourse, kActivity).size(), 1);
    }

    void destructorWritesPendingEdits()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        {
            AnswerAutosaver autosaver(&store);
            autosaver.edit(textAnswer(QStringLiteral("Typed just before quitting")));
            QVERIFY(!store.answer(kCourse, kActivity));
        }
        QCOMPARE(storedText(store), QStringLiteral("Typed just before quitting"));

        // Also when something else owns it, and the store is read back by a fresh one.
        {
            auto owner = std::make_unique<QObject>();
            auto *autosaver = new AnswerAutosaver(&store, owner.get());
            autosaver->edit(textAnswer(QStringLiteral("Owned and destroyed")));
        }
        AnswerStore reopened;
        QCOMPARE(reopened.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        QCOMPARE(storedText(reopened), QStringLiteral("Owned and destroyed"));
    }
};

QTEST_GUILESS_MAIN(TestAnswerAutosaver)

#include "tst_answer_autosaver.moc"
