// Tests for AnswerStore when its file is not what it should be: damaged files and newer
// files moved aside, a read-only folder, a data folder under a regular file, a deleted file,
// versions dated impossibly (by an import or another program), and answers imported from
// another file (all or nothing, the newest wins, the future clamped to now). The shared
// helpers are tests/support/AnswerFixture.h.

#include "AnswerFixture.h"
#include "AnswerStore.h"
#include "TestFiles.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <utility>

using namespace AnswerFixture;

class TestAnswerStoreFiles : public QObject
{
    Q_OBJECT

private slots:
    void damagedFileMovedAside_data();
    void damagedFileMovedAside();
    void newerFileMovedAsideUntouched_data();
    void newerFileMovedAsideUntouched();
    void readOnlyFolder();
    void dataDirUnderRegularFile();
    void deletedFileIsRecreated();
    void importMergesByNewest();
    void importIsAllOrNothing();
    void impossibleStoredDateDoesNotStopSaving_data();
    void impossibleStoredDateDoesNotStopSaving();
    void futureImportIsDatedNow();
};

void TestAnswerStoreFiles::damagedFileMovedAside_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("wal");

    QByteArray random(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QTest::newRow("random bytes") << random << QByteArray();
    QTest::newRow("random bytes with a -wal") << random.left(5000) << random.right(3000);
    QTest::newRow("text file") << QByteArray("These are my notes, not a database.\n") << QByteArray();

    // A real store with enough answers to span many pages, cut in half.
    QTemporaryDir dir;
    {
        AnswerStore store;
        store.setBurstSeconds(0);  // a version per save: what these tests count
        store.open(dir.path());
        for (int i = 0; i < 300; ++i)
            store.save(textAnswer(QStringLiteral("a%1").arg(i), QString(1000, QLatin1Char('x')), i));
    }
    const QByteArray real = TestFiles::read(dir.filePath(QStringLiteral("answers.sqlite")));
    QVERIFY(real.size() > 100'000);
    QTest::newRow("truncated database") << real.left(real.size() / 2) << QByteArray();
    QTest::newRow("truncated mid-page") << real.left(100'000) << QByteArray();
}

void TestAnswerStoreFiles::damagedFileMovedAside()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, wal);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.sqlite"));
    QVERIFY(TestFiles::write(path, bytes));
    if (!wal.isEmpty())
        QVERIFY(TestFiles::write(path + QStringLiteral("-wal"), wal));

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::MovedAside);
    QVERIFY2(QFileInfo(report.movedTo).fileName().contains(QRegularExpression(QStringLiteral("^answers\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"))),
             qPrintable(report.movedTo));
    QVERIFY2(report.message.contains(QDir::toNativeSeparators(report.movedTo)), qPrintable(report.message));
    QCOMPARE(TestFiles::read(report.movedTo), bytes);
    if (!wal.isEmpty())
        QCOMPARE(TestFiles::read(report.movedTo + QStringLiteral("-wal")), wal);

    QVERIFY(store.isOpen());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("fresh"), 0)));
    QCOMPARE(store.answers(kCourse).size(), 1);
    QCOMPARE(TestFiles::read(report.movedTo), bytes);

    // Moved aside once: the next start finds the fresh store and keeps it.
    AnswerStore again;
    again.setBurstSeconds(0);  // a version per save: what these tests count
    QCOMPARE(again.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QCOMPARE(again.answers(kCourse).size(), 1);
}

void TestAnswerStoreFiles::newerFileMovedAsideUntouched_data()
{
    QTest::addColumn<bool>("withWal");
    QTest::newRow("rollback journal") << false;
    QTest::newRow("WAL with uncheckpointed -wal") << true;
}

void TestAnswerStoreFiles::newerFileMovedAsideUntouched()
{
    QFETCH(bool, withWal);
    QTemporaryDir source;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.sqlite"));
    // Written by "Coursebook 99"; with WAL the last row is only in the -wal, copied while
    // the writer still has it open, as after a crash.
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        writer.setDatabaseName(source.filePath(QStringLiteral("answers.sqlite")));
        QVERIFY(writer.open());
        QSqlQuery query(writer);
        const QStringList statements = {
            QStringLiteral("PRAGMA journal_mode = %1").arg(withWal ? QStringLiteral("WAL") : QStringLiteral("DELETE")),
            QStringLiteral("PRAGMA wal_autocheckpoint = 0"),
            QStringLiteral("CREATE TABLE answers_v99 (x)"),
            QStringLiteral("PRAGMA user_version = 99"),
            QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"),
            QStringLiteral("INSERT INTO answers_v99 VALUES ('future')"),
        };
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        query.finish();
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            if (QFileInfo::exists(source.filePath(QStringLiteral("answers.sqlite")) + suffix))
                QVERIFY(QFile::copy(source.filePath(QStringLiteral("answers.sqlite")) + suffix, path + suffix));
        }
        writer.close();
    }
    QSqlDatabase::removeDatabase(name);
    const QByteArray before = TestFiles::read(path);
    const QByteArray walBefore = TestFiles::read(path + QStringLiteral("-wal"));
    QVERIFY(!before.isEmpty());
    QCOMPARE(walBefore.isEmpty(), !withWal);

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::MovedAside);
    QVERIFY2(QFileInfo(report.movedTo).fileName().contains(QRegularExpression(QStringLiteral("^answers\\.sqlite\\.newer-\\d{8}-\\d{6}$"))),
             qPrintable(report.movedTo));
    QVERIFY(report.message.contains(QStringLiteral("newer")));
    QVERIFY(report.message.contains(QDir::toNativeSeparators(report.movedTo)));
    QCOMPARE(TestFiles::read(report.movedTo), before);
    QCOMPARE(TestFiles::read(report.movedTo + QStringLiteral("-wal")), walBefore);
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("fresh"), 0)));
    QCOMPARE(sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), AnswerStore::kSchemaVersion);
    if (withWal)  // the moved pair still holds everything
        QCOMPARE(sqlite(report.movedTo, {QStringLiteral("SELECT x FROM answers_v99")}).toString(), QStringLiteral("future"));
}

void TestAnswerStoreFiles::readOnlyFolder()
{
    RUN_UNPRIVILEGED_WHEN_ROOT();  // root writes into read-only folders
    QTemporaryDir dir;
    {
        AnswerStore store;
        store.setBurstSeconds(0);  // a version per save: what these tests count
        store.open(dir.path());
        QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("before"), 0)));
    }
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    auto restore = qScopeGuard([&] { QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::ReadOnly);
    QVERIFY2(report.message.contains(QStringLiteral("read-only")), qPrintable(report.message));
    QVERIFY(store.isOpen());  // what was saved can still be shown
    QCOMPARE(texts(store.answers(kCourse)), QStringList{QStringLiteral("before")});
    QVERIFY(!store.save(textAnswer(QStringLiteral("a"), QStringLiteral("typed while read-only"), 1000)));
    QVERIFY2(store.lastError().contains(QDir::toNativeSeparators(dir.path())), qPrintable(store.lastError()));

    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY2(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("typed while read-only"), 1000)), qPrintable(store.lastError()));
    QCOMPARE(texts(store.history(kCourse, QStringLiteral("a"))),
             (QStringList{QStringLiteral("typed while read-only"), QStringLiteral("before")}));

    QTemporaryDir empty;
    QVERIFY(QFile::setPermissions(empty.path(), QFile::ReadOwner | QFile::ExeOwner));
    AnswerStore nothingYet;
    nothingYet.setBurstSeconds(0);  // a version per save: what these tests count
    QCOMPARE(nothingYet.open(empty.path()).status, AnswerStore::OpenReport::Status::ReadOnly);
    QVERIFY(!nothingYet.save(textAnswer(QStringLiteral("a"), QStringLiteral("x"), 0)));
    QVERIFY(!nothingYet.lastError().isEmpty());
    QFile::setPermissions(empty.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestAnswerStoreFiles::dataDirUnderRegularFile()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QVERIFY(TestFiles::write(blocker, "a file where a folder should be"));
    const QString dataDir = blocker + QStringLiteral("/data");

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dataDir);
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::Failed);
    QVERIFY2(report.message.contains(QDir::toNativeSeparators(blocker)) && report.message.contains(QStringLiteral("is a file")),
             qPrintable(report.message));
    QVERIFY(!store.isOpen());
    QVERIFY(!store.answer(kCourse, QStringLiteral("a")));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(store.answers(kCourse).isEmpty());
    QVERIFY(!store.save(textAnswer(QStringLiteral("a"), QStringLiteral("typed"), 0)));
    QVERIFY(store.lastError().contains(QStringLiteral("is a file")));
    QVERIFY(!store.importAnswers(kCourse, {textAnswer(QStringLiteral("a"), QStringLiteral("typed"), 0)}).error.isEmpty());
    QCOMPARE(TestFiles::read(blocker), QByteArray("a file where a folder should be"));

    // The learner moves the file away; the retried save goes through.
    QVERIFY(QFile::remove(blocker));
    QVERIFY2(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("typed"), 0)), qPrintable(store.lastError()));
    QVERIFY(store.isOpen());
    QCOMPARE(store.answers(kCourse).size(), 1);
}

void TestAnswerStoreFiles::deletedFileIsRecreated()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("first"), 0)));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(store.databasePath() + suffix);
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("after the file was deleted"), 1000)));

    AnswerStore other;

    other.setBurstSeconds(0);  // a version per save: what these tests count
    other.open(dir.path());
    QCOMPARE(texts(other.answers(kCourse)), QStringList{QStringLiteral("after the file was deleted")});
}

void TestAnswerStoreFiles::importMergesByNewest()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("local, newer"), 2000)));
    QVERIFY(store.save(textAnswer(QStringLiteral("b"), QStringLiteral("local, older"), 2000)));
    QVERIFY(store.save(textAnswer(QStringLiteral("c"), QStringLiteral("same"), 1000)));
    int signalled = 0;
    connect(&store, &AnswerStore::answerSaved, this, [&](const Answer &) { ++signalled; });

    const QString fromElsewhere = QStringLiteral("exported-under-another-id");
    const AnswerStore::ImportReport report = store.importAnswers(kCourse, {
        textAnswer(QStringLiteral("a"), QStringLiteral("imported, older"), 1000, fromElsewhere),
        textAnswer(QStringLiteral("b"), QStringLiteral("imported, newer"), 3000, fromElsewhere),
        textAnswer(QStringLiteral("c"), QStringLiteral("same"), 5000, fromElsewhere),
        textAnswer(QStringLiteral("d"), QStringLiteral("imported, new activity"), 0, fromElsewhere),
    });
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.added, 1);
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.unchanged, 2);
    QCOMPARE(report.changedActivities, (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
    QCOMPARE(signalled, 2);

    QCOMPARE(texts(store.history(kCourse, QStringLiteral("a"))), QStringList{QStringLiteral("local, newer")});
    QCOMPARE(texts(store.history(kCourse, QStringLiteral("b"))), (QStringList{QStringLiteral("imported, newer"), QStringLiteral("local, older")}));
    QCOMPARE(store.answer(kCourse, QStringLiteral("b"))->updated, kBase.addMSecs(3000));
    QCOMPARE(store.history(kCourse, QStringLiteral("c")).size(), 1);
    QCOMPARE(texts(store.history(kCourse, QStringLiteral("d"))), QStringList{QStringLiteral("imported, new activity")});
    QVERIFY(store.answers(fromElsewhere).isEmpty());

    // The same file again changes nothing.
    const AnswerStore::ImportReport again = store.importAnswers(kCourse, {textAnswer(QStringLiteral("b"), QStringLiteral("imported, newer"), 3000)});
    QCOMPARE(again.unchanged, 1);
    QCOMPARE(again.added + again.updated, 0);
}

void TestAnswerStoreFiles::importIsAllOrNothing()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("local"), 0)));
    Answer bad = textAnswer(QStringLiteral("m3/plan#essay"), QStringLiteral("x"), 0);
    bad.kind = QStringLiteral("essay");
    Answer undated = textAnswer(QStringLiteral("m3/plan#undated"), QStringLiteral("x"), 0);
    undated.updated = QDateTime();
    // The learner is told which answer is wrong and why, not just that something failed.
    const QVector<std::pair<Answer, QString>> cases{
        {bad, QStringLiteral("The answers could not be imported: The answer to m3/plan#essay has an unknown kind \"essay\".")},
        {undated, QStringLiteral("The answers could not be imported: the answer to m3/plan#undated has no date.")},
    };
    for (const auto &[broken, message] : cases) {
        const AnswerStore::ImportReport report = store.importAnswers(kCourse, {
            textAnswer(QStringLiteral("a"), QStringLiteral("imported"), 5000),
            textAnswer(QStringLiteral("b"), QStringLiteral("imported"), 5000),
            broken,
        });
        QCOMPARE(report.error, message);
        QCOMPARE(report.added + report.updated + report.unchanged, 0);
        QVERIFY(report.changedActivities.isEmpty());
        QCOMPARE(texts(store.history(kCourse, QStringLiteral("a"))), QStringList{QStringLiteral("local")});
        QVERIFY(!store.answer(kCourse, QStringLiteral("b")));
    }
}

// A version dated after year 9999's last moment, or not a date at all, written by another
// program or a Coursebook that imported it: saves 1 ms after it fell past 9999 (no ISO date,
// NOT NULL failed) and were retried for ever, and whatever was typed was lost.
void TestAnswerStoreFiles::impossibleStoredDateDoesNotStopSaving_data()
{
    QTest::addColumn<QString>("updated");
    QTest::newRow("last moment of 9999") << QStringLiteral("'9999-12-31T23:59:59.999Z'");
    QTest::newRow("next year") << QStringLiteral("'%1'").arg(QDateTime::currentDateTimeUtc().addYears(1).toString(Qt::ISODateWithMs));
    QTest::newRow("five-digit year") << QStringLiteral("'12026-01-01T00:00:00.000Z'");
    QTest::newRow("not a date") << QStringLiteral("'tomorrow'");
    QTest::newRow("empty") << QStringLiteral("''");
    QTest::newRow("a number") << QStringLiteral("99999999999");
    QTest::newRow("bytes") << QStringLiteral("x'ff00'");
}

void TestAnswerStoreFiles::impossibleStoredDateDoesNotStopSaving()
{
    QFETCH(QString, updated);
    QTemporaryDir dir;
    {
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("imported long ago"), 0)));
    }
    const QString file = dir.filePath(QStringLiteral("answers.sqlite"));
    QCOMPARE(sqlite(file, {QStringLiteral("UPDATE answer_versions SET updated = %1").arg(updated),
                           QStringLiteral("SELECT count(*) FROM answer_versions")}).toInt(), 1);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    AnswerStore store;
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    Answer typed = textAnswer(QStringLiteral("a"), QStringLiteral("typed after it"), 0);
    typed.updated = QDateTime();  // as the editors save: dated now
    QVERIFY2(store.save(typed), qPrintable(store.lastError()));
    typed.value = QJsonObject{{QStringLiteral("text"), QStringLiteral("typed after it, and more")}};
    QVERIFY2(store.save(typed), qPrintable(store.lastError()));  // the same sitting: the version rewritten

    // What another store (the app started again) reads: the typed text is the answer, dated now,
    // and the old version is still in the history.
    AnswerStore reopened;
    QCOMPARE(reopened.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    const std::optional<Answer> current = reopened.answer(kCourse, QStringLiteral("a"));
    QVERIFY(current);
    QCOMPARE(current->value.value(QStringLiteral("text")).toString(), QStringLiteral("typed after it, and more"));
    QVERIFY2(current->updated >= before && current->updated <= QDateTime::currentDateTimeUtc().addSecs(1),
             qPrintable(current->updated.toString(Qt::ISODateWithMs)));
    QCOMPARE(texts(reopened.history(kCourse, QStringLiteral("a"))),
             (QStringList{QStringLiteral("typed after it, and more"), QStringLiteral("imported long ago")}));
}

// An answers file written on a computer whose clock was far ahead: its answers are imported
// (they are the learner's work) as dated now, the report says how many, and saving goes on.
void TestAnswerStoreFiles::futureImportIsDatedNow()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.open(dir.path());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("local"), 0)));
    Answer far = textAnswer(QStringLiteral("a"), QStringLiteral("from a wrong clock"), 0);
    far.updated = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    Answer skewed = textAnswer(QStringLiteral("b"), QStringLiteral("an hour ahead"), 0);
    skewed.updated = QDateTime::currentDateTimeUtc().addSecs(3600);  // within a day: a clock a little off, kept

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const AnswerStore::ImportReport report = store.importAnswers(kCourse, {far, skewed});
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.added, 1);
    QCOMPARE(report.redated, 1);
    const std::optional<Answer> imported = store.answer(kCourse, QStringLiteral("a"));
    QCOMPARE(imported->value.value(QStringLiteral("text")).toString(), QStringLiteral("from a wrong clock"));
    QVERIFY(imported->updated >= before && imported->updated <= QDateTime::currentDateTimeUtc());
    QCOMPARE(store.answer(kCourse, QStringLiteral("b"))->updated, skewed.updated);

    Answer typed = textAnswer(QStringLiteral("a"), QStringLiteral("typed after the import"), 0);
    typed.updated = QDateTime();
    QVERIFY2(store.save(typed), qPrintable(store.lastError()));
    QCOMPARE(texts({*store.answer(kCourse, QStringLiteral("a"))}), QStringList{QStringLiteral("typed after the import")});
}

QTEST_GUILESS_MAIN(TestAnswerStoreFiles)
#include "tst_answer_store_files.moc"
