// Tests for WorkshopRecords: the group grids a facilitator types while presenting, kept as
// named, dated records in <data dir>/workshops/answers.sqlite, apart from their own answers.

#include "AnswerAutosaver.h"
#include "AnswerFixture.h"
#include "AnswerStore.h"
#include "TestFiles.h"
#include "UnprivilegedRun.h"
#include "WorkshopRecords.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AnswerFixture;

namespace {

const QString kModule = QStringLiteral("m2");
const QString kKwl = QStringLiteral("m2/plan#kwl");
// Saved like answers, "within 300 ms of the last keystroke"; the margin is for a loaded
// machine, as in tst_answer_autosaver: a quiet time that breaks the promise lands after it.
constexpr qint64 kLatestCommitMs = 300 + 250;

// A group's KWL grid as the presenter's editor hands it to the autosaver.
Answer groupGrid(const WorkshopRecord &record, const QString &know)
{
    const QJsonObject row{{QStringLiteral("know"), know}, {QStringLiteral("want"), QStringLiteral("more makerspace hours")},
                          {QStringLiteral("learned"), QString()}};
    return Answer{WorkshopRecords::storeCourseId(record), kKwl, QStringLiteral("kwl"),
                  QJsonObject{{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QJsonArray{row}}}, false, QDateTime()};
}

QString knowOf(const std::optional<Answer> &answer)
{
    return answer ? answer->value.value(QStringLiteral("rows")).toArray().at(0).toObject().value(QStringLiteral("know")).toString()
                  : QString();
}

QString workshopsFile(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("workshops/answers.sqlite"));
}

// A facilitator's own answers file in dir holding one answer; its digest, empty if not saved.
QByteArray personalStoreWith(const QTemporaryDir &dir, const QString &text)
{
    {
        AnswerStore personal;
        personal.open(dir.path());
        if (!personal.save(textAnswer(kKwl, text, 0)))
            return QByteArray();
    }
    return storeDigest(dir.path());
}

QStringList names(const QVector<WorkshopRecord> &records)
{
    QStringList result;
    for (const WorkshopRecord &record : records)
        result << record.name;
    return result;
}

}  // namespace

class TestWorkshopRecords : public QObject
{
    Q_OBJECT

private slots:
    void createListRenameReopen();
    void gridReachesDiskWithin300msAndSurvivesReopen();
    void personalAnswersUntouched();
    void twoRecordsGridsStayApart();
    void namesAreCleanedOrRefused_data();
    void namesAreCleanedOrRefused();
    void renameToBadNameKeepsOldName();
    void unwritableDataDirSaysWhy();
    void dataDirUnderRegularFileSaysWhy();
    void damagedWorkshopsFileMovedAsideAlone();
};

void TestWorkshopRecords::createListRenameReopen()
{
    QTemporaryDir dir;
    WorkshopRecords records;
    QCOMPARE(records.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(records.isOpen());
    QSignalSpy changed(&records, &WorkshopRecords::recordsChanged);

    const auto first = records.create(kCourse, kModule, QStringLiteral("Teen services team, 3 March"));
    QVERIFY2(first, qPrintable(records.lastError()));
    const auto other = records.create(QStringLiteral("other-course"), QStringLiteral("m1"), QStringLiteral("Elsewhere"));
    QVERIFY(other);
    const auto second = records.create(kCourse, QStringLiteral("m3"), QStringLiteral("Branch managers"));
    QVERIFY(second);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0).at(0).toString(), kCourse);

    QCOMPARE(first->courseId, kCourse);
    QCOMPARE(first->moduleId, kModule);
    QVERIFY(first->id != second->id);
    QVERIFY(qAbs(first->created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(first->created.timeSpec(), Qt::UTC);
    // Newest first, only this course's.
    QCOMPARE(names(records.records(kCourse)), (QStringList{QStringLiteral("Branch managers"), QStringLiteral("Teen services team, 3 March")}));
    QCOMPARE(records.record(first->id), first);
    QCOMPARE(records.record(QStringLiteral("no-such-record")), std::nullopt);
    QVERIFY(records.lastError().isEmpty());

    QVERIFY2(records.rename(first->id, QStringLiteral("Teen services, March")), qPrintable(records.lastError()));
    QCOMPARE(changed.size(), 4);
    QVERIFY(!records.rename(QStringLiteral("no-such-record"), QStringLiteral("x")));
    QVERIFY2(records.lastError().contains(QStringLiteral("no-such-record")), qPrintable(records.lastError()));

    WorkshopRecords reopened;
    QCOMPARE(reopened.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    const QVector<WorkshopRecord> found = reopened.records(kCourse);
    QCOMPARE(names(found), (QStringList{QStringLiteral("Branch managers"), QStringLiteral("Teen services, March")}));
    WorkshopRecord renamed = *first;
    renamed.name = QStringLiteral("Teen services, March");
    QCOMPARE(found.at(1), renamed);  // id, course, module and date as created
    QCOMPARE(reopened.records(QStringLiteral("other-course")), QVector<WorkshopRecord>{*other});
}

void TestWorkshopRecords::gridReachesDiskWithin300msAndSurvivesReopen()
{
    QTemporaryDir dir;
    WorkshopRecord record;
    {
        WorkshopRecords records;
        records.open(dir.path());
        record = *records.create(kCourse, kModule, QStringLiteral("Library staff"));
        AnswerAutosaver autosaver(records.store());
        // answerSaved comes right after the SQLite COMMIT: the moment the promise is about.
        QElapsedTimer typed;
        qint64 committedAfter = -1;
        connect(records.store(), &AnswerStore::answerSaved, this, [&] { committedAfter = typed.elapsed(); });
        typed.start();
        autosaver.edit(groupGrid(record, QStringLiteral("teens come after school")));
        QTRY_VERIFY_WITH_TIMEOUT(committedAfter >= 0, 5000);
        QVERIFY2(committedAfter <= kLatestCommitMs, qPrintable(QString::number(committedAfter)));
        // Seen from outside, as after a crash: the row is in the file, not only in memory.
        const QString count = QStringLiteral("SELECT count(*) FROM answer_versions WHERE course_id = '%1'")
                                  .arg(WorkshopRecords::storeCourseId(record));
        QCOMPARE(sqlite(workshopsFile(dir), {count}).toInt(), 1);
    }
    WorkshopRecords reopened;
    reopened.open(dir.path());
    QCOMPARE(knowOf(reopened.store()->answer(WorkshopRecords::storeCourseId(record), kKwl)), QStringLiteral("teens come after school"));
}

void TestWorkshopRecords::personalAnswersUntouched()
{
    QTemporaryDir dir;
    const QByteArray before = personalStoreWith(dir, QStringLiteral("my own private thought"));
    QVERIFY(!before.isEmpty());

    WorkshopRecords records;
    records.open(dir.path());
    const WorkshopRecord record = *records.create(kCourse, kModule, QStringLiteral("Group"));
    AnswerAutosaver autosaver(records.store());
    autosaver.edit(groupGrid(record, QStringLiteral("the group's words")));
    QVERIFY(autosaver.flush());
    QVERIFY(records.rename(record.id, QStringLiteral("Group, renamed")));

    QCOMPARE(storeDigest(dir.path()), before);  // not a byte of the personal file written
    QCOMPARE(sqlite(dir.filePath(QStringLiteral("answers.sqlite")), {QStringLiteral("SELECT count(*) FROM answer_versions")}).toInt(), 1);
    QCOMPARE(records.store()->answers(kCourse), QVector<Answer>{});  // and no personal answer in the workshops file
}

void TestWorkshopRecords::twoRecordsGridsStayApart()
{
    QTemporaryDir dir;
    WorkshopRecords records;
    records.open(dir.path());
    const WorkshopRecord morning = *records.create(kCourse, kModule, QStringLiteral("Morning"));
    const WorkshopRecord evening = *records.create(kCourse, kModule, QStringLiteral("Evening"));
    QVERIFY(WorkshopRecords::storeCourseId(morning) != WorkshopRecords::storeCourseId(evening));
    AnswerAutosaver autosaver(records.store());
    autosaver.edit(groupGrid(morning, QStringLiteral("morning group")));
    autosaver.edit(groupGrid(evening, QStringLiteral("evening group")));
    QVERIFY(autosaver.flush());

    WorkshopRecords reopened;
    reopened.open(dir.path());
    QCOMPARE(knowOf(reopened.store()->answer(WorkshopRecords::storeCourseId(morning), kKwl)), QStringLiteral("morning group"));
    QCOMPARE(knowOf(reopened.store()->answer(WorkshopRecords::storeCourseId(evening), kKwl)), QStringLiteral("evening group"));
    QCOMPARE(reopened.store()->answers(WorkshopRecords::storeCourseId(morning)).size(), 1);
}

void TestWorkshopRecords::namesAreCleanedOrRefused_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("kept");  // empty: refused
    QTest::newRow("plain") << QStringLiteral("Teen team") << QStringLiteral("Teen team");
    QTest::newRow("spaces around") << QStringLiteral("  Teen   team \n") << QStringLiteral("Teen team");
    QTest::newRow("pasted tab and line break") << QStringLiteral("Teen\tteam\r\nMarch") << QStringLiteral("Teen team March");
    QTest::newRow("control characters") << QStringLiteral("Teen\x01team\x7f") << QStringLiteral("Teen team");
    QTest::newRow("non-Latin and emoji") << QStringLiteral("צוות נוער 🎉") << QStringLiteral("צוות נוער 🎉");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only white space") << QStringLiteral(" \t\n ") << QString();
    QTest::newRow("only control characters") << QStringLiteral("\x01\x02") << QString();
    QTest::newRow("longest allowed") << QString(WorkshopRecords::kMaxNameLength, QLatin1Char('n'))
                                     << QString(WorkshopRecords::kMaxNameLength, QLatin1Char('n'));
    QTest::newRow("too long") << QString(WorkshopRecords::kMaxNameLength + 1, QLatin1Char('n')) << QString();
    QTest::newRow("very long") << QString(100'000, QLatin1Char('n')) << QString();
}

void TestWorkshopRecords::namesAreCleanedOrRefused()
{
    QFETCH(QString, typed);
    QFETCH(QString, kept);
    QTemporaryDir dir;
    WorkshopRecords records;
    records.open(dir.path());
    const auto record = records.create(kCourse, kModule, typed);
    if (kept.isEmpty()) {
        QVERIFY(!record);
        QVERIFY(!records.lastError().isEmpty());
        QVERIFY(records.records(kCourse).isEmpty());
        return;
    }
    QVERIFY2(record, qPrintable(records.lastError()));
    QCOMPARE(record->name, kept);
    QCOMPARE(names(records.records(kCourse)), QStringList{kept});
}

void TestWorkshopRecords::renameToBadNameKeepsOldName()
{
    QTemporaryDir dir;
    WorkshopRecords records;
    records.open(dir.path());
    const WorkshopRecord record = *records.create(kCourse, kModule, QStringLiteral("Kept"));
    for (const QString &bad : {QString(), QStringLiteral("\n\t"), QString(WorkshopRecords::kMaxNameLength + 1, QLatin1Char('x'))}) {
        QVERIFY(!records.rename(record.id, bad));
        QVERIFY(!records.lastError().isEmpty());
    }
    QVERIFY2(records.lastError().contains(QString::number(WorkshopRecords::kMaxNameLength)), qPrintable(records.lastError()));
    QCOMPARE(records.record(record.id)->name, QStringLiteral("Kept"));
}

void TestWorkshopRecords::unwritableDataDirSaysWhy()
{
    RUN_UNPRIVILEGED_WHEN_ROOT();  // root writes into read-only folders
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    auto restore = qScopeGuard([&] { QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });

    WorkshopRecords records;
    const AnswerStore::OpenReport report = records.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::ReadOnly);
    QVERIFY(!records.create(kCourse, kModule, QStringLiteral("Typed while read-only")));
    const QString error = records.lastError();
    QVERIFY2(error.contains(QStringLiteral("Typed while read-only")) && error.contains(QStringLiteral("read-only"))
                 && error.contains(QDir::toNativeSeparators(dir.path())),
             qPrintable(error));

    // Once the folder can be written, trying again works.
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY2(records.create(kCourse, kModule, QStringLiteral("Typed later")), qPrintable(records.lastError()));
    QCOMPARE(names(records.records(kCourse)), QStringList{QStringLiteral("Typed later")});
}

void TestWorkshopRecords::dataDirUnderRegularFileSaysWhy()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("not-a-folder"));
    QVERIFY(TestFiles::write(file, "notes"));
    WorkshopRecords records;
    QCOMPARE(records.open(file).status, AnswerStore::OpenReport::Status::Failed);
    QVERIFY(!records.isOpen());
    QVERIFY(!records.create(kCourse, kModule, QStringLiteral("Group")));
    QVERIFY2(records.lastError().contains(QStringLiteral("is a file, not a folder")), qPrintable(records.lastError()));
    QVERIFY(records.records(kCourse).isEmpty());
    QVERIFY(!records.lastError().isEmpty());
}

void TestWorkshopRecords::damagedWorkshopsFileMovedAsideAlone()
{
    QTemporaryDir dir;
    const QByteArray personalBefore = personalStoreWith(dir, QStringLiteral("my own answer"));
    QVERIFY(!personalBefore.isEmpty());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("workshops")));
    const QByteArray garbage("These are not group grids.\n");
    QVERIFY(TestFiles::write(workshopsFile(dir), garbage));

    WorkshopRecords records;
    const AnswerStore::OpenReport report = records.open(dir.path());
    QCOMPARE(report.status, AnswerStore::OpenReport::Status::MovedAside);
    QCOMPARE(QFileInfo(report.movedTo).absolutePath(), QFileInfo(workshopsFile(dir)).absolutePath());
    QCOMPARE(TestFiles::read(report.movedTo), garbage);
    QVERIFY(records.lastError().isEmpty());
    QVERIFY2(records.create(kCourse, kModule, QStringLiteral("Fresh")), qPrintable(records.lastError()));
    QCOMPARE(storeDigest(dir.path()), personalBefore);
}

QTEST_GUILESS_MAIN(TestWorkshopRecords)
#include "tst_workshop_records.moc"
