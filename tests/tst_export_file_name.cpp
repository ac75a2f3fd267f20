#include "ExportFileName.h"
#include "TestProcess.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

// A worksheet file's name and its format agree, in the save dialog's rule and on the command line.
class TestExportFileName : public QObject
{
    Q_OBJECT
private slots:
    void typedExtensionWins_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("chosen");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format");
        const int pdf = int(ExportFileName::Format::Pdf), docx = int(ExportFileName::Format::Docx);
        QTest::newRow("docx typed, PDF chosen") << QStringLiteral("/w/workbook.docx") << pdf << QStringLiteral("/w/workbook.docx") << docx;
        QTest::newRow("pdf typed, DOCX chosen") << QStringLiteral("/w/workbook.Pdf") << docx << QStringLiteral("/w/workbook.Pdf") << pdf;
        QTest::newRow("agreeing") << QStringLiteral("/w/a.pdf") << pdf << QStringLiteral("/w/a.pdf") << pdf;
        QTest::newRow("no extension") << QStringLiteral("/w/notes") << docx << QStringLiteral("/w/notes.docx") << docx;
        QTest::newRow("other extension") << QStringLiteral("/w/notes.txt") << pdf << QStringLiteral("/w/notes.txt.pdf") << pdf;
        QTest::newRow("trailing dot") << QStringLiteral("/w/notes.") << pdf << QStringLiteral("/w/notes.pdf") << pdf;
        QTest::newRow("dotted folder") << QStringLiteral("/w/v1.pdf/notes") << docx << QStringLiteral("/w/v1.pdf/notes.docx") << docx;
    }

    void typedExtensionWins()
    {
        QFETCH(QString, typed);
        QFETCH(int, chosen);
        QFETCH(QString, path);
        QFETCH(int, format);
        const ExportFileName name(typed, ExportFileName::Format(chosen));
        QCOMPARE(name.path(), path);
        QCOMPARE(int(name.format()), format);
    }

    // The command line writes where it is told, and refuses a name that says another format.
    void commandLineRefusesADisagreeingName_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("written");
        QTest::newRow("docx named .pdf") << QStringLiteral("docx") << QStringLiteral("handout.pdf") << false;
        QTest::newRow("pdf named .DOCX") << QStringLiteral("pdf") << QStringLiteral("handout.DOCX") << false;
        QTest::newRow("docx named .docx") << QStringLiteral("docx") << QStringLiteral("handout.docx") << true;
        QTest::newRow("docx named without extension") << QStringLiteral("docx") << QStringLiteral("handout.tmp") << true;
    }

    void commandLineRefusesADisagreeingName()
    {
        QFETCH(QString, format);
        QFETCH(QString, output);
        QFETCH(bool, written);
        QTemporaryDir dir;
        const TestProcess::Result result = TestProcess::run(
            QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                                  dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), format,
                                                  QStringLiteral("--scope"), QStringLiteral("activity:worksheet-self-assessment"),
                                                  QStringLiteral("--output"), dir.filePath(output)});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), written ? QStringList{output} : QStringList());
        QCOMPARE(result.exitCode, written ? 0 : 1);
        if (!written)
            QVERIFY2(result.err.contains(QStringLiteral("--export ")) && result.err.contains(output), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestExportFileName)
#include "tst_export_file_name.moc"
