// Tests for AnswerStore: the SQLite file keeping every version of every answer, across
// restarts, schema migrations and several stores on one file. A damaged, newer, read-only or
// deleted file and imports are tst_answer_store_files; the shared helpers are
// tests/support/AnswerFixture.h.

#include "AnswerFixture.h"
#include "AnswerStore.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace AnswerFixture;

namespace {

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
    void twoStoresInterleaved();
    void twoStoresInParallelThreads();
    void orphansAreListed();
    void savesOfOneSittingAreOneVersion();
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

QTEST_GUILESS_MAIN(TestAnswerStore)
#include "tst_answer_store.moc"
