// Tests for AnswerStore: the SQLite file keeping every version of every answer, across
// restarts, damaged or newer files, unwritable folders and several stores on one file.

#include "AnswerStore.h"
#include "TestFiles.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <memory>
#include <utility>

namespace {

const QString kCourse = QStringLiteral("connected-learning");
const QDateTime kBase = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);

Answer textAnswer(const QString &activityId, const QString &text, qint64 atMs, const QString &courseId = kCourse)
{
    return Answer{courseId, activityId, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), text}}, false,
                  kBase.addMSecs(atMs)};
}

QVector<Answer> oneOfEachKind()
{
    const QJsonObject kwl{{QStringLiteral("experience"), QStringLiteral("Ran a maker club ✂️")},
                          {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), QStringLiteral("teens")},
                                                                          {QStringLiteral("want"), QStringLiteral("badges")},
                                                                          {QStringLiteral("learned"), QString()}}}}};
    const QJsonObject worksheet{{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue::Null, QStringLiteral("3")},
                                                                     QJsonArray{QJsonValue::Null, QStringLiteral("Agree")}}}};
    return {
        Answer{kCourse, QStringLiteral("m1/intro#kwl"), QStringLiteral("kwl"), kwl, true, kBase},
        Answer{kCourse, QStringLiteral("m1/intro#reflect"), QStringLiteral("reflection"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("שלום, line one\nline two 😀")}}, false, kBase.addSecs(1)},
        Answer{kCourse, QStringLiteral("m2/plan#table"), QStringLiteral("worksheet"), worksheet, false, kBase.addSecs(2)},
        Answer{kCourse, QStringLiteral("m2/plan#respond"), QStringLiteral("response"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("Ünïcödé")}}, true, kBase.addSecs(3)},
    };
}


// Runs statements on the file through a connection of its own, as another program would.
QVariant sqlite(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    last = QStringLiteral("error: ") + query.lastError().text();
                    break;
                }
                last = query.next() ? query.value(0) : QVariant();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return last;
}

QStringList texts(const QVector<Answer> &answers)
{
    QStringList result;
    for (const Answer &a : answers)
        result << a.value.value(QStringLiteral("text")).toString();
    return result;
}

}  // namespace

class TestAnswerStore : public QObject
{
    Q_OBJECT

private slots:
    void defaultDataDirFollowsEnvironment();
    void openCreatesSchema();
    void roundTripsAllKinds();
    void historyKeepsEveryVersion();
    void clockGoingBackStillSavesNewest();
    void restoresOldVersion();
    void rejectsInvalidAnswers();
    void survivesReopen();
    void migratesVersionZeroFile_data();
    void migratesVersionZeroFile();
    void migrationIsOneTransaction();
    void damagedFileMovedAside_data();
    void damagedFileMovedAside();
    void newerFileMovedAsideUntouched_data();
    void newerFileMovedAsideUntouched();
    void readOnlyFolder();
    void dataDirUnderRegularFile();
    void deletedFileIsRecreated();
    void twoStoresInterleaved();
    void twoStoresInParallelThreads();
    void orphansAreListed();
    void savesOfOneSittingAreOneVersion();
    void importMergesByNewest();
    void importIsAllOrNothing();
};

void TestAnswerStore::savesOfOneSittingAreOneVersion()
{
    QTemporaryDir dir;
    const QString id = QStringLiteral("m1/intro#sitting");
    auto text = [&](const QString &t) {
        return Answer{kCourse, id, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), t}}, false, QDateTime()};
    };
    {
        AnswerStore store;  // the default: saves moments apart extend one version
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        for (const QString &t : {QStringLiteral("W"), QStringLiteral("Wo"), QStringLiteral("Wor"), QStringLiteral("Word")})
            QVERIFY(store.save(text(t)));
        QCOMPARE(store.history(kCourse, id).size(), 1);
        QCOMPARE(store.answer(kCourse, id)->value.value(QStringLiteral("text")).toString(), QStringLiteral("Word"));
    }
    // A new sitting (here: another store, as after a restart) starts a version of its own,
    // and the earlier one stays restorable.
    AnswerStore later;
    QCOMPARE(later.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(later.save(text(QStringLiteral("Words"))));
    QCOMPARE(later.history(kCourse, id).size(), 2);
    QVERIFY(later.restore(kCourse, id, later.history(kCourse, id).last().updated));
    QCOMPARE(later.history(kCourse, id).size(), 3);  // a restore never rewrites the burst
    QCOMPARE(later.answer(kCourse, id)->value.value(QStringLiteral("text")).toString(), QStringLiteral("Word"));
}

void TestAnswerStore::defaultDataDirFollowsEnvironment()
{
    const QByteArray saved = qgetenv("COURSEBOOK_DATA_DIR");
    qputenv("COURSEBOOK_DATA_DIR", "/tmp/somewhere else");
    QCOMPARE(AnswerStore::defaultDataDir(), QStringLiteral("/tmp/somewhere else"));
    qunsetenv("COURSEBOOK_DATA_DIR");
    QCOMPARE(AnswerStore::defaultDataDir(),
             QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/coursebook"));
    if (!saved.isNull())
        qputenv("COURSEBOOK_DATA_DIR", saved);
}

void TestAnswerStore::openCreatesSchema()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("not/yet/there"));
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dataDir);
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(report.message.isEmpty());
    QVERIFY(store.isOpen());
    QCOMPARE(store.databasePath(), QDir(dataDir).absoluteFilePath(QStringLiteral("answers.sqlite")));
    QVERIFY(QFileInfo::exists(store.databasePath()));
    QCOMPARE(sqlite(store.databasePath(), {QStringLiteral("PRAGMA user_version")}).toInt(), AnswerStore::kSchemaVersion);
    QCOMPARE(sqlite(store.databasePath(), {QStringLiteral("PRAGMA journal_mode")}).toString(), QStringLiteral("wal"));
    QCOMPARE(sqlite(store.databasePath(), {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'answer_versions'")}).toInt(), 1);
}

void TestAnswerStore::roundTripsAllKinds()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    int signalled = 0;
    connect(&store, &AnswerStore::answerSaved, this, [&](const Answer &) { ++signalled; });
    const QVector<Answer> saved = oneOfEachKind();
    for (const Answer &answer : saved)
        QVERIFY2(store.save(answer), qPrintable(store.lastError()));
    QVERIFY(store.save(textAnswer(QStringLiteral("m1/intro#reflect"), QStringLiteral("other course"), 0, QStringLiteral("other"))));
    QCOMPARE(signalled, saved.size() + 1);

    for (const Answer &answer : saved)
        QCOMPARE(store.answer(kCourse, answer.activityId), answer);
    QVERIFY(!store.answer(kCourse, QStringLiteral("never/answered")).has_value());
    QVERIFY(store.lastError().isEmpty());

    QVector<Answer> all = store.answers(kCourse);
    std::sort(all.begin(), all.end(), [](const Answer &a, const Answer &b) { return a.updated < b.updated; });
    QCOMPARE(all, saved);
    QCOMPARE(store.answers(QStringLiteral("other")).size(), 1);
    QCOMPARE(store.answers(QStringLiteral("other")).first().value.value(QStringLiteral("text")).toString(), QStringLiteral("other course"));
}

void TestAnswerStore::historyKeepsEveryVersion()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    QVector<Answer> signalled;
    connect(&store, &AnswerStore::answerSaved, this, [&](const Answer &a) { signalled << a; });
    const QString id = QStringLiteral("m1/intro#reflect");
    QVERIFY(store.save(textAnswer(id, QStringLiteral("first"), 0)));
    QVERIFY(store.save(textAnswer(id, QStringLiteral("second"), 1000)));
    QVERIFY(store.save(textAnswer(id, QStringLiteral("second"), 2000)));  // identical: skipped
    Answer done = textAnswer(id, QStringLiteral("second"), 3000);
    done.done = true;  // only `done` differs: a new version
    QVERIFY(store.save(done));
    QVERIFY(store.save(textAnswer(id, QStringLiteral("third"), 4000)));

    const QVector<Answer> history = store.history(kCourse, id);
    QCOMPARE(texts(history), (QStringList{QStringLiteral("third"), QStringLiteral("second"), QStringLiteral("second"), QStringLiteral("first")}));
    QCOMPARE(history.at(0).updated, kBase.addMSecs(4000));
    QCOMPARE(history.at(1).updated, kBase.addMSecs(3000));
    QVERIFY(history.at(1).done);
    QCOMPARE(history.at(2).updated, kBase.addMSecs(1000));
    QCOMPARE(signalled.size(), 4);
    QCOMPARE(signalled.last(), history.first());
    QCOMPARE(store.answer(kCourse, id), history.first());
}

void TestAnswerStore::clockGoingBackStillSavesNewest()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    const QString id = QStringLiteral("m1/intro#reflect");
    QVERIFY(store.save(textAnswer(id, QStringLiteral("before the clock jumped back"), 60'000)));
    QVERIFY(store.save(textAnswer(id, QStringLiteral("typed last"), 0)));
    const std::optional<Answer> current = store.answer(kCourse, id);
    QVERIFY(current);
    QCOMPARE(current->value.value(QStringLiteral("text")).toString(), QStringLiteral("typed last"));
    QCOMPARE(current->updated, kBase.addMSecs(60'001));

    Answer undated = textAnswer(id, QStringLiteral("no date"), 0);
    undated.updated = QDateTime();
    QVERIFY(store.save(undated));
    QVERIFY(store.answer(kCourse, id)->updated.isValid());
}

void TestAnswerStore::restoresOldVersion()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    const QString id = QStringLiteral("m1/intro#reflect");
    QVERIFY(store.save(textAnswer(id, QStringLiteral("old"), 0)));
    QVERIFY(store.save(textAnswer(id, QStringLiteral("new"), 1000)));

    QVERIFY2(store.restore(kCourse, id, kBase), qPrintable(store.lastError()));
    const QVector<Answer> history = store.history(kCourse, id);
    QCOMPARE(texts(history), (QStringList{QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("old")}));
    QVERIFY(history.first().updated > kBase.addMSecs(1000));

    QVERIFY(store.restore(kCourse, id, history.first().updated));  // already current: nothing to add
    QCOMPARE(store.history(kCourse, id).size(), 3);

    QVERIFY(!store.restore(kCourse, id, kBase.addSecs(-5)));
    QVERIFY(store.lastError().contains(id));
    QCOMPARE(store.history(kCourse, id).size(), 3);
}

void TestAnswerStore::rejectsInvalidAnswers()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    Answer unknownKind = textAnswer(QStringLiteral("a"), QStringLiteral("x"), 0);
    unknownKind.kind = QStringLiteral("essay");
    QVERIFY(!store.save(unknownKind));
    QVERIFY(store.lastError().contains(QStringLiteral("essay")));
    QVERIFY(!store.save(textAnswer(QString(), QStringLiteral("x"), 0)));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(!store.save(textAnswer(QStringLiteral("a"), QStringLiteral("x"), 0, QString())));
    QVERIFY(!store.lastError().isEmpty());
    QVERIFY(store.answers(kCourse).isEmpty());
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("x"), 0)));
    QVERIFY(store.lastError().isEmpty());
}

void TestAnswerStore::survivesReopen()
{
    QTemporaryDir dir;
    const QVector<Answer> saved = oneOfEachKind();
    {
        AnswerStore store;
        store.setBurstSeconds(0);  // a version per save: what these tests count
        store.open(dir.path());
        for (const Answer &answer : saved)
            QVERIFY(store.save(answer));
        QVERIFY(store.save(textAnswer(saved.at(1).activityId, QStringLiteral("newer"), 10'000)));
    }
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QCOMPARE(store.answers(kCourse).size(), saved.size());
    QCOMPARE(store.answer(kCourse, saved.at(0).activityId), saved.at(0));
    QCOMPARE(texts(store.history(kCourse, saved.at(1).activityId)), (QStringList{QStringLiteral("newer"), saved.at(1).value.value(QStringLiteral("text")).toString()}));
}

void TestAnswerStore::migratesVersionZeroFile_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("empty file") << QStringList();
    QTest::newRow("database without our tables")
        << QStringList{QStringLiteral("CREATE TABLE notes (x)"), QStringLiteral("INSERT INTO notes VALUES ('keep me')")};
}

void TestAnswerStore::migratesVersionZeroFile()
{
    QFETCH(QStringList, statements);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.sqlite"));
    QVERIFY(TestFiles::write(path, QByteArray()));
    if (!statements.isEmpty())
        sqlite(path, statements);
    QCOMPARE(sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), 0);

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(store.save(textAnswer(QStringLiteral("a"), QStringLiteral("kept"), 0)));
    QCOMPARE(sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), AnswerStore::kSchemaVersion);
    if (!statements.isEmpty())
        QCOMPARE(sqlite(path, {QStringLiteral("SELECT x FROM notes")}).toString(), QStringLiteral("keep me"));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*"), QStringLiteral("*.newer-*")}, QDir::Files), QStringList());
}

void TestAnswerStore::migrationIsOneTransaction()
{
    // The second step (CREATE INDEX answer_versions_by_activity) fails on this file after
    // the first created answer_versions: the first must be rolled back too.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.sqlite"));
    sqlite(path, {QStringLiteral("CREATE TABLE answer_versions_by_activity (x)")});

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    const AnswerStore::OpenReport report = store.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::Failed);
    QVERIFY(!report.message.isEmpty());
    QVERIFY(!store.isOpen());
    QCOMPARE(sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), 0);
    QCOMPARE(sqlite(path, {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'answer_versions'")}).toInt(), 0);
    QVERIFY(!store.save(textAnswer(QStringLiteral("a"), QStringLiteral("x"), 0)));
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("answers.sqlite.*")}, QDir::Files), QStringList());
}

void TestAnswerStore::damagedFileMovedAside_data()
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

void TestAnswerStore::damagedFileMovedAside()
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

void TestAnswerStore::newerFileMovedAsideUntouched_data()
{
    QTest::addColumn<bool>("withWal");
    QTest::newRow("rollback journal") << false;
    QTest::newRow("WAL with uncheckpointed -wal") << true;
}

void TestAnswerStore::newerFileMovedAsideUntouched()
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

void TestAnswerStore::readOnlyFolder()
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

void TestAnswerStore::dataDirUnderRegularFile()
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

void TestAnswerStore::deletedFileIsRecreated()
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

void TestAnswerStore::twoStoresInterleaved()
{
    QTemporaryDir dir;
    AnswerStore first;
    first.setBurstSeconds(0);  // a version per save: what these tests count
    AnswerStore second;
    second.setBurstSeconds(0);  // a version per save: what these tests count
    QCOMPARE(first.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QCOMPARE(second.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    const QString other = QStringLiteral("other-course");
    for (int i = 0; i < 200; ++i) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString a = QStringLiteral("A-%1").arg(i);
        const QString b = QStringLiteral("B-%1").arg(i);
        QVERIFY(first.save({kCourse, QStringLiteral("own-a"), QStringLiteral("response"), {{QStringLiteral("text"), a}}, false, now}));
        QVERIFY(second.save({kCourse, QStringLiteral("own-b"), QStringLiteral("response"), {{QStringLiteral("text"), b}}, false, now}));
        QVERIFY(first.save({kCourse, QStringLiteral("shared"), QStringLiteral("response"), {{QStringLiteral("text"), a}}, false, now}));
        QVERIFY(second.save({kCourse, QStringLiteral("shared"), QStringLiteral("response"), {{QStringLiteral("text"), b}}, false, now}));
        QVERIFY(second.save({other, QStringLiteral("shared"), QStringLiteral("response"), {{QStringLiteral("text"), b}}, false, now}));
    }
    QStringList expectedA;
    QStringList expectedB;
    for (int i = 199; i >= 0; --i) {
        expectedA << QStringLiteral("A-%1").arg(i);
        expectedB << QStringLiteral("B-%1").arg(i);
    }
    // Both stores save with the same timestamp: the one saved later is newer.
    QStringList newestFirstShared;
    for (int i = 199; i >= 0; --i)
        newestFirstShared << QStringLiteral("B-%1").arg(i) << QStringLiteral("A-%1").arg(i);
    for (AnswerStore *store : {&first, &second}) {
        QCOMPARE(texts(store->history(kCourse, QStringLiteral("own-a"))), expectedA);
        QCOMPARE(texts(store->history(kCourse, QStringLiteral("own-b"))), expectedB);
        QCOMPARE(texts(store->history(kCourse, QStringLiteral("shared"))), newestFirstShared);
        QCOMPARE(texts(store->history(other, QStringLiteral("shared"))), expectedB);
        QCOMPARE(store->answers(kCourse).size(), 3);
        QCOMPARE(store->answers(other).size(), 1);
    }
}

void TestAnswerStore::twoStoresInParallelThreads()
{
    // Two stores writing at the same moment, as two Coursebook windows would: every
    // version lands, each under its own course and activity.
    QTemporaryDir dir;
    const QString dataDir = dir.path();
    {
        AnswerStore create;
        create.setBurstSeconds(0);  // a version per save: what these tests count
        QCOMPARE(create.open(dataDir).status, AnswerStore::OpenReport::Status::Ok);
    }
    auto writer = [&](const QString &who, QStringList *failures) {
        return QThread::create([=] {
            AnswerStore store;
            store.setBurstSeconds(0);  // a version per save: what these tests count
            if (store.open(dataDir).status != AnswerStore::OpenReport::Status::Ok) {
                *failures << store.lastError();
                return;
            }
            for (int i = 0; i < 200; ++i) {
                const QJsonObject value{{QStringLiteral("text"), QStringLiteral("%1-%2").arg(who).arg(i)}};
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (const QString &activity : {QStringLiteral("own-") + who, QStringLiteral("shared")}) {
                    if (!store.save({kCourse, activity, QStringLiteral("response"), value, false, now}))
                        *failures << store.lastError();
                }
                if (!store.save({who, QStringLiteral("shared"), QStringLiteral("response"), value, false, now}))
                    *failures << store.lastError();
            }
        });
    };
    QStringList failuresA;
    QStringList failuresB;
    std::unique_ptr<QThread> a(writer(QStringLiteral("A"), &failuresA));
    std::unique_ptr<QThread> b(writer(QStringLiteral("B"), &failuresB));
    a->start();
    b->start();
    QVERIFY(a->wait(120'000));
    QVERIFY(b->wait(120'000));
    QCOMPARE(failuresA, QStringList());
    QCOMPARE(failuresB, QStringList());

    AnswerStore store;

    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    for (const QString &who : {QStringLiteral("A"), QStringLiteral("B")}) {
        QStringList expected;
        for (int i = 199; i >= 0; --i)
            expected << QStringLiteral("%1-%2").arg(who).arg(i);
        QCOMPARE(texts(store.history(kCourse, QStringLiteral("own-") + who)), expected);
        QCOMPARE(texts(store.history(who, QStringLiteral("shared"))), expected);
    }
    const QStringList shared = texts(store.history(kCourse, QStringLiteral("shared")));
    QCOMPARE(shared.size(), 400);
    QCOMPARE(QSet<QString>(shared.begin(), shared.end()).size(), 400);
}

void TestAnswerStore::orphansAreListed()
{
    QTemporaryDir dir;
    AnswerStore store;
    store.setBurstSeconds(0);  // a version per save: what these tests count
    store.open(dir.path());
    for (const QString &id : {QStringLiteral("m1/a"), QStringLiteral("m1/b"), QStringLiteral("m1/removed")})
        QVERIFY(store.save(textAnswer(id, id, 0)));
    const QVector<Answer> all = store.answers(kCourse);
    QCOMPARE(all.size(), 3);
    const QVector<Answer> orphans = AnswerStore::orphans(all, {QStringLiteral("m1/a"), QStringLiteral("m1/b"), QStringLiteral("m2/new")});
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().activityId, QStringLiteral("m1/removed"));
    QCOMPARE(orphans.first().value.value(QStringLiteral("text")).toString(), QStringLiteral("m1/removed"));
}

void TestAnswerStore::importMergesByNewest()
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

void TestAnswerStore::importIsAllOrNothing()
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

QTEST_GUILESS_MAIN(TestAnswerStore)
#include "tst_answer_store.moc"
