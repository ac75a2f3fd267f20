// Tests for --export-answers and --import-answers: the real coursebook binary is run with
// QProcess on a small course, with its answer store in a QTemporaryDir.

#include "AnswerJson.h"
#include "TestFiles.h"
#include "TestProcess.h"

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
    void malformedImportChangesNothing_data();
    void malformedImportChangesNothing();
    void unwritableExportFails();
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

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(TestFiles::write(bad, file));
    const Run run = runApp({QStringLiteral("--course"), kCoursePath, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--import-answers"), bad});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(error), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

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

QTEST_GUILESS_MAIN(TestAnswersCli)
#include "tst_answers_cli.moc"
