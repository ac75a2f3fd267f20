// Reading settings reach the exported worksheet: the DOCX, read back with python-docx, has
// the chosen font, text size and line spacing as its document defaults; the PDF worksheet's
// HTML carries the font inside it (the printed page fetches nothing) with its size.

#include "CourseLoader.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"
#include "TestProcess.h"
#include "WorksheetHtml.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Word's document defaults as python-docx reads them: font, size in half-points, line spacing.
QStringList docxDefaults(const QString &path)
{
    const TestProcess::Result run = TestProcess::run(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import docx,sys; s=docx.Document(sys.argv[1]).styles.element; "
                        "q=lambda p: s.xpath('w:docDefaults/'+p)[0]; "
                        "print(q('w:rPrDefault/w:rPr/w:rFonts/@w:ascii'), q('w:rPrDefault/w:rPr/w:sz/@w:val'), "
                        "q('w:pPrDefault/w:pPr/w:spacing/@w:line'))"),
         path});
    if (run.exitCode != 0)
        return {QStringLiteral("python-docx failed: ") + run.err};
    return run.out.trimmed().split(QLatin1Char(' '));
}
}  // namespace

class TestReadingExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestProcess::run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import docx")}).exitCode != 0)
            QSKIP("python3-docx not installed (scripts/dev installs it)");
        m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
        QString error;
        QVERIFY2(ExportDocument::build(m_course, nullptr, ExportScope(), true, QString(), &m_doc, &error), qPrintable(error));
    }

    void docxTakesFontSizeAndSpacing_data()
    {
        QTest::addColumn<int>("font");
        QTest::addColumn<int>("textSize");
        QTest::addColumn<double>("lineSpacing");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("defaults") << int(ReadingSettings::Font::Standard) << 100 << 1.6
                                  << QStringList{QStringLiteral("Arial"), QStringLiteral("22"), QStringLiteral("264")};
        QTest::newRow("dyslexic, large, wide") << int(ReadingSettings::Font::Dyslexic) << 150 << 2.4
                                               << QStringList{QStringLiteral("OpenDyslexic"), QStringLiteral("33"), QStringLiteral("396")};
        QTest::newRow("serif") << int(ReadingSettings::Font::Serif) << 120 << 1.6
                               << QStringList{QStringLiteral("Georgia"), QStringLiteral("26"), QStringLiteral("264")};
    }
    void docxTakesFontSizeAndSpacing()
    {
        QFETCH(int, font);
        QFETCH(int, textSize);
        QFETCH(double, lineSpacing);
        QFETCH(QStringList, expected);
        ExportDocument doc = m_doc;
        doc.reading.font = ReadingSettings::Font(font);
        doc.reading.textSize = textSize;
        doc.reading.lineSpacing = lineSpacing;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("worksheet.docx"));
        QString error;
        QVERIFY2(DocxWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
        QCOMPARE(docxDefaults(path), expected);
    }

    void pdfWorksheetCarriesTheFont()
    {
        ExportDocument doc = m_doc;
        doc.reading.font = ReadingSettings::Font::Dyslexic;
        doc.reading.textSize = 130;
        const QString html = WorksheetHtml::document(doc, QStringLiteral("A4"));
        QVERIFY(html.contains(QLatin1String("font-family: \"Coursebook OpenDyslexic\"")));
        QVERIFY(html.contains(QLatin1String("src: url(\"data:font/otf;base64,T1RUTw")));  // "OTTO", the font's own bytes
        QVERIFY(html.contains(QLatin1String("body { font-size: 14.300pt;")));
        QVERIFY2(!html.contains(QLatin1String("course://coursebook/")), "the printed worksheet fetches nothing");
    }

private:
    Course m_course;
    ExportDocument m_doc;
};

QTEST_GUILESS_MAIN(TestReadingExport)
#include "tst_reading_export.moc"
