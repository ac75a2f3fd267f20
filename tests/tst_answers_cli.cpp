// Tests for --export-answers and --import-answers: the real coursebook binary is run with
// QProcess on a small course, with its answer store in a QTemporaryDir.

#include "AnswerFixture.h"
#include "AnswerJson.h"
#include "AnswerStore.h"
#include "CommandLineRun.h"
#include "TestFiles.h"
#include "TestProcess.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCoursePath = QStringLiteral(TESTDATA_DIR "/plain");

using Run = TestProcess::Result;

Run runApp(const QStringList &arguments, const QString &dataDirFromEnvironment = QString())
{
    QProcessEnvironment env = TestProcess::environment();
    if (!dataDirFromEnvironment.isEmpty())
        env.insert(QStringLiteral("COURSEBOOK_DATA_DIR"), dataDirFromEnvironment);
    return TestProcess::run(QStringLiteral(COURSEBOOK_APP_PATH), arguments, env);
}


Answer answer(const QString &courseId, const QString &activityId, const QString &text, int minute)
{
    return Answer{courseId, activityId, QStringLiteral("response"), QJsonObject{{QStringLiteral("text"), text}}, minute % 2 == 0,
                  QDateTime(QDate(2024, 5, 1), QTime(9, minute, 0, 250), Qt::UTC)};
}

}  // namespace

class TestAnswersCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpListsOptions();
    void exportsEmptyStore();
    void importThenExportRoundTrips();
    void progressTravelsThroughTheCommandLine();
    void malformedImportChangesNothing_data();
    void malformedImportChangesNothing();
    void unwritableExportFails();
    void exportRefusesWhatIsNotAFile_data();
    void exportRefusesWhatIsNotAFile();
    void exportToStandardOutput();
    void futureDatedImportIsDatedNow();
    void dataDirFromEnvironment();

private:
    QString exportTo(const QString &dataDir, const QString &file, Run *run = nullptr);

    QString m_courseId;
};

void TestAnswersCli::initTestCase()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("answers.json"));
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                            QStringLiteral("--export-answers"), file});
    QCOMPARE(run.exitCode, 0);
    QVector<Answer> answers;
    QString error;
    QVERIFY2(AnswerJson::read(TestFiles::read(file), &m_courseId, &answers, &error), qPrintable(error));
    QVERIFY(!m_courseId.isEmpty());
}

QString TestAnswersCli::exportTo(const QString &dataDir, const QString &file, Run *run)
{
    const Run result = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir,
                               QStringLiteral("--export-answers"), file});
    if (run)
        *run = result;
    return result.exitCode == 0 ? QString() : result.err;
}

void TestAnswersCli::helpListsOptions()
{
    const Run run = runApp({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("--export-answers <FILE>")));
    QVERIFY(run.out.contains(QStringLiteral("--import-answers <FILE>")));
}

void TestAnswersCli::exportsEmptyStore()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("new/data"));
    const QString file = dir.filePath(QStringLiteral("answers.json"));
    Run run;
    QCOMPARE(exportTo(dataDir, file, &run), QString());
    QVERIFY2(run.out.contains(QStringLiteral("exported 0 answers")), qPrintable(run.out));
    QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/answers.sqlite")));
    QString courseId;
    QVector<Answer> answers{Answer{}};
    QString error;
    QVERIFY2(AnswerJson::read(TestFiles::read(file), &courseId, &answers, &error), qPrintable(error));
    QCOMPARE(courseId, m_courseId);
    QVERIFY(answers.isEmpty());
}

void TestAnswersCli::importThenExportRoundTrips()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString source = dir.filePath(QStringLiteral("from-another-computer.json"));
    const QByteArray bytes = AnswerJson::write(m_courseId, {answer(m_courseId, QStringLiteral("m/page#b"), QStringLiteral("Ünïcödé 😀\nשלום"), 1),
                                                            answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("first"), 2),
                                                            answer(m_courseId, QStringLiteral("gone#orphan"), QStringLiteral("kept"), 3)});
    QVERIFY(TestFiles::write(source, bytes));

    const QStringList import = {QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--import-answers"), source};
    Run run = runApp(import);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("added 3, updated 0, unchanged 0"), QStringLiteral("gone#orphan"), QStringLiteral("m/page#a"),
                          QStringLiteral("m/page#b")}));

    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    QCOMPARE(exportTo(dataDir, exported), QString());
    QCOMPARE(TestFiles::read(exported), bytes);

    run = runApp(import);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("added 0, updated 0, unchanged 3\n"));

    // A newer answer in the file wins; the export then holds it.
    const QByteArray newer = AnswerJson::write(m_courseId, {answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("second"), 30)});
    QVERIFY(TestFiles::write(source, newer));
    run = runApp(import);
    QCOMPARE(run.out, QStringLiteral("added 0, updated 1, unchanged 0\nm/page#a\n"));
    QCOMPARE(exportTo(dataDir, exported), QString());
    QVERIFY(TestFiles::read(exported).contains("\"second\""));
    QVERIFY(!TestFiles::read(exported).contains("\"first\""));
}

void TestAnswersCli::progressTravelsThroughTheCommandLine()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString source = dir.filePath(QStringLiteral("with-progress.json"));
    PageProgress read;
    read.pageId = QStringLiteral("m/page");
    read.visited = true;
    read.mark = PageProgress::Mark::Done;
    read.markUpdated = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    read.anchor = QStringLiteral("second-part");
    read.offset = 0.5;
    read.read = read.markUpdated.addSecs(30);
    const QByteArray bytes = AnswerJson::write(m_courseId, {answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("first"), 2)}, {read});
    QVERIFY(TestFiles::write(source, bytes));

    const QStringList import = {QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir,
                                QStringLiteral("--import-answers"), source};
    Run run = runApp(import);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("added 1, updated 0, unchanged 0, progress merged in 1 pages\nm/page#a\n"));
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    QCOMPARE(exportTo(dataDir, exported), QString());
    QCOMPARE(TestFiles::read(exported), bytes);
    // Nothing new the second time.
    QCOMPARE(runApp(import).out, QStringLiteral("added 0, updated 0, unchanged 1\n"));
}

void TestAnswersCli::malformedImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QStringLiteral("not JSON: ");
    QByteArray badDate = AnswerJson::write(QStringLiteral("COURSE"), {answer(QStringLiteral("COURSE"), QStringLiteral("m/page#a"), QStringLiteral("x"), 40),
                                                                     answer(QStringLiteral("COURSE"), QStringLiteral("m/page#z"), QStringLiteral("y"), 41)});
    badDate.replace("2024-05-01T09:41:00.250Z", "the first of May");
    QTest::newRow("bad date in the second answer") << badDate << QStringLiteral("answers[1].updated is not an ISO-8601 date");
    QTest::newRow("another course") << AnswerJson::write(QStringLiteral("some-other-course"), {})
                                    << QStringLiteral("holds answers for course \"some-other-course\"");
    QByteArray rawNul = AnswerJson::write(QStringLiteral("COURSE"), {answer(QStringLiteral("COURSE"), QStringLiteral("m/page#a"), QStringLiteral("x-y"), 40)});
    rawNul.replace("x-y", QByteArray("x\0y", 3));
    QTest::newRow("raw NUL in the text") << rawNul << QStringLiteral("a raw control character (U+0000)");
    // An id that would print a summary line of its own after the real one.
    QTest::newRow("forged summary line")
        << AnswerJson::write(QStringLiteral("COURSE"), {answer(QStringLiteral("COURSE"), QStringLiteral("m/page#a\nadded 99, updated 0, unchanged 0"),
                                                               QStringLiteral("x"), 40)})
        << QStringLiteral("answers[0].activity contains the control character U+000A");
}

void TestAnswersCli::malformedImportChangesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    file.replace("COURSE", m_courseId.toUtf8());
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString good = dir.filePath(QStringLiteral("good.json"));
    QVERIFY(TestFiles::write(good, AnswerJson::write(m_courseId, {answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("mine"), 1)})));
    QCOMPARE(runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"), good}).exitCode, 0);
    const QString before = dir.filePath(QStringLiteral("before.json"));
    QCOMPARE(exportTo(dataDir, before), QString());
    const QByteArray storeBefore = AnswerFixture::storeDigest(dataDir);

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(TestFiles::write(bad, file));
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"), bad});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(error), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(!run.err.contains(QStringLiteral("\nadded")), qPrintable(run.err));
    QCOMPARE(AnswerFixture::storeDigest(dataDir), storeBefore);

    const QString after = dir.filePath(QStringLiteral("after.json"));
    QCOMPARE(exportTo(dataDir, after), QString());
    QCOMPARE(TestFiles::read(after), TestFiles::read(before));

    const Run missing = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"),
                                dir.filePath(QStringLiteral("no-such-file.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("cannot read")));
}

void TestAnswersCli::unwritableExportFails()
{
    QTemporaryDir dir;
    QVERIFY(TestFiles::write(dir.filePath(QStringLiteral("blocker")), "a file, not a folder"));
    for (const QString &target : {dir.filePath(QStringLiteral("blocker/answers.json")), dir.filePath(QStringLiteral("missing/folder/answers.json"))}) {
        Run run;
        const QString error = exportTo(dir.filePath(QStringLiteral("data")), target, &run);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(error.contains(QStringLiteral("cannot write ") + target), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target));
    }

    // An answers folder that cannot be created: a clear message, not a crash.
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("blocker/data")),
                            QStringLiteral("--export-answers"), dir.filePath(QStringLiteral("answers.json"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("is a file, not a folder")), qPrintable(run.err));
}

void TestAnswersCli::dataDirFromEnvironment()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("from-env"));
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--export-answers"), dir.filePath(QStringLiteral("a.json"))},
                           dataDir);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/answers.sqlite")));
}

// /dev/null, /dev/full, a named pipe, a folder, a link to /dev/null: refused, said why, and
// still what they were (as root the export replaced /dev/null with a plain file). Run as
// root and without root's permission bypass; the pipe must not make the export wait.
void TestAnswersCli::exportRefusesWhatIsNotAFile_data()
{
    QTest::addColumn<bool>("unprivileged");
    QTest::newRow("as this user") << false;
    QTest::newRow("without permission bypass") << true;
}

void TestAnswersCli::exportRefusesWhatIsNotAFile()
{
    QFETCH(bool, unprivileged);
    if (unprivileged)
        RUN_UNPRIVILEGED_WHEN_ROOT();
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    for (const auto &[name, target] : CommandLineRun::notRegularFiles(dir.path())) {
        const QString kind = CommandLineRun::fileKind(target);
        Run run;
        const QString error = exportTo(dataDir, target, &run);
        QVERIFY2(run.exitCode == 1, qPrintable(name + QStringLiteral(": ") + run.err + run.out));
        QVERIFY2(error.contains(QStringLiteral("cannot write ") + target + QStringLiteral(": it is a")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not a file")), qPrintable(error));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        QCOMPARE(CommandLineRun::fileKind(target), kind);
    }
    QCOMPARE(CommandLineRun::fileKind(QStringLiteral("/dev/null")), QStringLiteral("character device"));
    QCOMPARE(CommandLineRun::fileKind(QStringLiteral("/dev/full")), QStringLiteral("character device"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             (QStringList{QStringLiteral("a-folder"), QStringLiteral("a-link-to-dev-null.json"), QStringLiteral("a-pipe"),
                          QStringLiteral("data")}));
    QVERIFY(QDir(dir.filePath(QStringLiteral("a-folder"))).isEmpty());
}

// "-": the answers file on standard output and nothing else there, for a script to pipe on;
// a failing standard output is an error, not a success.
void TestAnswersCli::exportToStandardOutput()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString source = dir.filePath(QStringLiteral("answers.json"));
    const QByteArray bytes = AnswerJson::write(m_courseId, {answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("piped"), 1)});
    QVERIFY(TestFiles::write(source, bytes));
    const Run merged = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"),
                               source, QStringLiteral("--export-answers"), QStringLiteral("-")});
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(merged.out.toUtf8(), bytes);  // the import's summary went to the errors
    QVERIFY2(merged.err.contains(QStringLiteral("added 1, updated 0, unchanged 0")), qPrintable(merged.err));

    QProcess full;
    full.setProcessEnvironment(TestProcess::environment());
    full.setStandardOutputFile(QStringLiteral("/dev/full"));
    full.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir,
                                                      QStringLiteral("--export-answers"), QStringLiteral("-")});
    QVERIFY(full.waitForFinished(CommandLineRun::kTimeoutMs));
    QCOMPARE(full.exitCode(), 1);
    QVERIFY2(full.readAllStandardError().contains("cannot write to standard output"), "no message for a full standard output");
}

// A file from a computer whose clock read 9999: imported as dated now (and said so), after
// which the learner's typing is saved and kept, in this store and the next.
void TestAnswersCli::futureDatedImportIsDatedNow()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString source = dir.filePath(QStringLiteral("from-the-future.json"));
    Answer far = answer(m_courseId, QStringLiteral("m/page#a"), QStringLiteral("written under a wrong clock"), 1);
    far.updated = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QVERIFY(TestFiles::write(source, AnswerJson::write(m_courseId, {far})));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"), source});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("added 1, updated 0, unchanged 0, 1 dated in the future and so dated now\nm/page#a\n"));

    const QString typed = QStringLiteral("typed after the import, 31 chars");
    {
        AnswerStore store;
        QCOMPARE(store.open(dataDir).status, AnswerStore::OpenReport::Status::Ok);
        const std::optional<Answer> imported = store.answer(m_courseId, QStringLiteral("m/page#a"));
        QVERIFY(imported && imported->updated >= before && imported->updated <= QDateTime::currentDateTimeUtc());
        Answer next = *imported;
        next.value = QJsonObject{{QStringLiteral("text"), typed}};
        next.updated = QDateTime();
        QVERIFY2(store.save(next), qPrintable(store.lastError()));
    }
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    QCOMPARE(exportTo(dataDir, exported), QString());
    QString courseId;
    QVector<Answer> answers;
    QString error;
    QVERIFY2(AnswerJson::read(TestFiles::read(exported), &courseId, &answers, &error), qPrintable(error));
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().value.value(QStringLiteral("text")).toString(), typed);
}

QTEST_GUILESS_MAIN(TestAnswersCli)
#include "tst_answers_cli.moc"
