// A workshop record's group grids through the worksheet export, on the real binary:
// --list-workshops, and --export docx|pdf --workshop RECORD_ID read back (the DOCX's
// document.xml, the PDF through pdftotext). The group's words are there; the facilitator's
// own answers and another group's words never are.

#include "AnswerStore.h"
#include "CommandLineRun.h"
#include "CourseLoader.h"
#include "TestProcess.h"
#include "WorkshopRecords.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using CommandLineRun::Run;

namespace {

const QString kModule = QStringLiteral("getting-started");
const QString kKwl = QStringLiteral("kwl-course");  // the KWL on the module's first page
const QString kGroupWords = QStringLiteral("Teens run the makerspace Fridays");
const QString kOtherGroupWords = QStringLiteral("Seniors want scanning help");
const QString kPersonal = QStringLiteral("My private worry about funding");

Answer kwl(const QString &courseId, const QString &know)
{
    const QJsonObject row{{QStringLiteral("know"), know}, {QStringLiteral("want"), QString()}, {QStringLiteral("learned"), QString()}};
    return Answer{courseId, kKwl, QStringLiteral("kwl"), QJsonObject{{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QJsonArray{row}}},
                  false, QDateTime()};
}

// The words of an exported file: document.xml's text for a DOCX (Python's own zipfile, so no
// module need be installed), pdftotext's for a PDF.
QString textOf(const QString &path)
{
    if (path.endsWith(QLatin1String(".pdf")))
        return TestProcess::run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}).out.simplified();
    const QString script = QStringLiteral("import re, sys, zipfile\n"
                                          "xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')\n"
                                          "print(' '.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', xml)))\n");
    return TestProcess::run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path}).out.simplified();
}

}  // namespace

class TestWorkshopExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listsTheCoursesRecordsNewestFirst();
    void exportsTheGroupGridOnly_data();
    void exportsTheGroupGridOnly();
    void unknownRecordIsRefused();
    void noRecordsLeavesTheDataFolderAlone();

private:
    Run app(const QStringList &arguments) const
    {
        return CommandLineRun::runApp(QStringList{QStringLiteral("--course"), CommandLineRun::bundledCourse(), QStringLiteral("--data-dir"),
                                                  m_data.path()}
                                      + arguments);
    }

    QTemporaryDir m_data;
    QTemporaryDir m_out;
    WorkshopRecord m_record;
    WorkshopRecord m_other;
};

void TestWorkshopExport::initTestCase()
{
    const QString courseId = CourseLoader::load(CommandLineRun::bundledCourse()).id;
    AnswerStore personal;
    QCOMPARE(personal.open(m_data.path()).status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(personal.save(kwl(courseId, kPersonal)));

    WorkshopRecords records;
    QCOMPARE(records.open(m_data.path()).status, AnswerStore::OpenReport::Status::Ok);
    m_other = *records.create(courseId, kModule, QStringLiteral("Seniors group"));
    QVERIFY(records.create(QStringLiteral("another-course"), kModule, QStringLiteral("Not this course")));
    m_record = *records.create(courseId, kModule, QStringLiteral("Teen services team"));
    QVERIFY(records.store()->save(kwl(WorkshopRecords::storeCourseId(m_other), kOtherGroupWords)));
    QVERIFY(records.store()->save(kwl(WorkshopRecords::storeCourseId(m_record), kGroupWords)));
}

void TestWorkshopExport::listsTheCoursesRecordsNewestFirst()
{
    const Run run = app({QStringLiteral("--list-workshops")});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    const QString day = m_record.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).split(QLatin1Char('\t')).value(0), m_record.id);
    QVERIFY2(lines.at(0).split(QLatin1Char('\t')).value(1).startsWith(day), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(0).split(QLatin1Char('\t')).mid(2), (QStringList{kModule, QStringLiteral("Teen services team")}));
    QCOMPARE(lines.at(1).split(QLatin1Char('\t')).value(0), m_other.id);
}

void TestWorkshopExport::exportsTheGroupGridOnly_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("docx") << QStringLiteral("docx");
    if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QTest::newRow("pdf") << QStringLiteral("pdf");
    else
        qInfo("pdftotext not installed: the PDF is not read back");
}

void TestWorkshopExport::exportsTheGroupGridOnly()
{
    QFETCH(QString, format);
    const QString path = m_out.filePath(QStringLiteral("group.") + format);
    const Run run = app({QStringLiteral("--export"), format, QStringLiteral("--workshop"), m_record.id, QStringLiteral("--output"), path});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    const QString text = textOf(path);
    QVERIFY2(text.contains(kGroupWords), qPrintable(text.left(3000)));
    QVERIFY2(text.contains(QStringLiteral("Group grid: Teen services team")), qPrintable(text.left(3000)));
    QVERIFY2(!text.contains(kPersonal), qPrintable(text.left(3000)));
    QVERIFY2(!text.contains(kOtherGroupWords), qPrintable(text.left(3000)));
}

void TestWorkshopExport::unknownRecordIsRefused()
{
    const QString path = m_out.filePath(QStringLiteral("none.docx"));
    const Run run = app({QStringLiteral("--export"), QStringLiteral("docx"), QStringLiteral("--workshop"), QStringLiteral("nope"),
                         QStringLiteral("--output"), path});
    QVERIFY2(run.ok() && run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(QStringLiteral("no workshop record \"nope\"")), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(path));
}

void TestWorkshopExport::noRecordsLeavesTheDataFolderAlone()
{
    QTemporaryDir empty;
    const Run list = CommandLineRun::runApp({QStringLiteral("--course"), CommandLineRun::bundledCourse(), QStringLiteral("--data-dir"),
                                             empty.path(), QStringLiteral("--list-workshops")});
    QVERIFY2(list.ok() && list.exitCode == 0 && list.out.isEmpty(), qPrintable(list.describe()));
    QCOMPARE(QDir(empty.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestWorkshopExport)
#include "tst_workshop_export.moc"
