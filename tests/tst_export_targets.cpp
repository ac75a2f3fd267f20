// Where a worksheet export may go, run on the real binary: a regular file or a new path, or
// "-" for standard output. A device (/dev/null, /dev/full), a named pipe, a folder or a link
// to a device is refused with the reason and left as it was, as root too (the export used to
// replace /dev/null with a plain file); a pipe must not make the export wait.

#include "CommandLineRun.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using CommandLineRun::Run;

class TestExportTargets : public QObject
{
    Q_OBJECT
private slots:
    void refusesWhatIsNotAFile_data();
    void refusesWhatIsNotAFile();
    void writesToStandardOutput_data();
    void writesToStandardOutput();

private:
    static Run exportTo(const QString &format, const QString &target, const QString &dataDir)
    {
        return CommandLineRun::runApp({QStringLiteral("--course"), CommandLineRun::bundledCourse(), QStringLiteral("--data-dir"), dataDir,
                                       QStringLiteral("--export"), format, QStringLiteral("--output"), target, QStringLiteral("--blank")});
    }
};

void TestExportTargets::refusesWhatIsNotAFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("unprivileged");
    QTest::newRow("docx") << QStringLiteral("docx") << false;
    QTest::newRow("docx without permission bypass") << QStringLiteral("docx") << true;
    QTest::newRow("pdf") << QStringLiteral("pdf") << false;
}

void TestExportTargets::refusesWhatIsNotAFile()
{
    QFETCH(QString, format);
    QFETCH(bool, unprivileged);
    if (unprivileged)
        RUN_UNPRIVILEGED_WHEN_ROOT();
    QTemporaryDir dir;
    for (const auto &[name, target] : CommandLineRun::notRegularFiles(dir.path())) {
        const QString kind = CommandLineRun::fileKind(target);
        const Run run = exportTo(format, target, dir.filePath(QStringLiteral("data")));
        QVERIFY2(run.ok() && run.exitCode == 1, qPrintable(name + QLatin1Char('\n') + run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        // Why, naming the target: "it is a device, not a file" (a folder: "is a folder").
        const QString message = run.errText();
        QVERIFY2(message.contains(target), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not a file")), qPrintable(message));
        QCOMPARE(CommandLineRun::fileKind(target), kind);
    }
    QCOMPARE(CommandLineRun::fileKind(QStringLiteral("/dev/null")), QStringLiteral("character device"));
    QCOMPARE(CommandLineRun::fileKind(QStringLiteral("/dev/full")), QStringLiteral("character device"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             (QStringList{QStringLiteral("a-folder"), QStringLiteral("a-link-to-dev-null.json"), QStringLiteral("a-pipe")}));
    QVERIFY(QDir(dir.filePath(QStringLiteral("a-folder"))).isEmpty());
}

void TestExportTargets::writesToStandardOutput_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("docx") << QStringLiteral("docx");
    QTest::newRow("pdf") << QStringLiteral("pdf");
}

// The document alone on standard output, whole: a script can pipe it on.
void TestExportTargets::writesToStandardOutput()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const Run run = exportTo(format, QStringLiteral("-"), dir.filePath(QStringLiteral("data")));
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    const QString file = dir.filePath(QStringLiteral("from-stdout.") + format);
    QVERIFY(CommandLineRun::writeFile(file, run.out));
    if (format == QLatin1String("pdf")) {
        QVERIFY2(run.out.startsWith("%PDF-"), run.out.left(20).constData());
        QVERIFY(run.out.trimmed().endsWith("%%EOF"));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {file});
        QVERIFY(info.waitForFinished());
        QVERIFY2(info.exitCode() == 0 && info.readAllStandardOutput().contains("Pages:"), "pdfinfo cannot read the PDF");
    } else {
        QVERIFY(run.out.startsWith("PK\x03\x04"));
        // Nothing after the zip: it ends with its end-of-central-directory record (22 bytes, no comment).
        QVERIFY(run.out.right(22).startsWith("PK\x05\x06"));
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), file, QStringLiteral("word/document.xml")});
        QVERIFY(unzip.waitForFinished());
        QVERIFY2(unzip.exitCode() == 0 && unzip.readAllStandardOutput().contains("<w:body>"), "no word/document.xml in the DOCX");
    }
    QVERIFY2(QDir(dir.path()).entryList(QDir::Files) == QStringList{QFileInfo(file).fileName()}, "a file was written besides standard output");
}

QTEST_GUILESS_MAIN(TestExportTargets)
#include "tst_export_targets.moc"
