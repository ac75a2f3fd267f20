#include "CourseLoader.h"
#include "ExportDocument.h"
#include "TestProcess.h"
#include "WorksheetHtml.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// How the bundled workbook falls on PDF pages, exported by the command line as a learner or a
// facilitator does (filled in from docs/sample-answers.json, or blank) and read back page by
// page with pdftotext, the running header and footer cropped off.
class TestPdfPagination : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void workbookPagesStrandNothing_data();
    void workbookPagesStrandNothing();
    void selfAssessmentTakesThePagesItNeeds_data();
    void selfAssessmentTakesThePagesItNeeds();

private:
    QString exportPdf(const QString &name, const QStringList &arguments) const;
    // The text of each page's content area (inside the page margins), one entry a page.
    static QStringList pageTexts(const QString &pdf, const QString &pageSize);

    QTemporaryDir m_dir;
    QStringList m_headings;  // module, page and activity titles of the bundled course
};

void TestPdfPagination::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils not installed");
    QVERIFY(m_dir.isValid());
    const TestProcess::Result imported = TestProcess::run(
        QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                              m_dir.filePath(QStringLiteral("data")), QStringLiteral("--import-answers"),
                                              QStringLiteral(BUNDLED_COURSE_DIR "/../docs/sample-answers.json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    ExportDocument doc;
    QString error;
    QVERIFY2(ExportDocument::build(CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR)), nullptr, ExportScope(), true, QString(), &doc, &error),
             qPrintable(error));
    for (const PdfFinisher::OutlineEntry &entry : WorksheetHtml::outline(doc))
        m_headings << entry.title;
    QVERIFY(m_headings.size() > 30);
}

QString TestPdfPagination::exportPdf(const QString &name, const QStringList &arguments) const
{
    const QString path = m_dir.filePath(name);
    const TestProcess::Result result = TestProcess::run(
        QStringLiteral(COURSEBOOK_APP_PATH), QStringList{QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                                         m_dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), QStringLiteral("pdf"),
                                                         QStringLiteral("--learner"), QStringLiteral("Jordan Ellis"), QStringLiteral("--output"), path}
                                                 + arguments);
    return result.exitCode == 0 ? path : QString();
}

QStringList TestPdfPagination::pageTexts(const QString &pdf, const QString &pageSize)
{
    const TestProcess::Result info = TestProcess::run(QStringLiteral("pdfinfo"), {pdf});
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out).captured(1).toInt();
    // Points; the content area is inside the 18 mm top and 20 mm bottom margins, where the
    // running header and footer are drawn.
    const QSize page = pageSize == QLatin1String("A4") ? QSize(595, 842) : QSize(612, 792);
    const int top = qCeil(18 * 72 / 25.4), bottom = qCeil(20 * 72 / 25.4);
    QStringList texts;
    for (int number = 1; number <= pages; ++number) {
        const QString n = QString::number(number);
        texts << TestProcess::run(QStringLiteral("pdftotext"),
                                  {QStringLiteral("-layout"), QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-x"), QStringLiteral("0"),
                                   QStringLiteral("-y"), QString::number(top), QStringLiteral("-W"), QString::number(page.width()), QStringLiteral("-H"),
                                   QString::number(page.height() - top - bottom), QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf, QStringLiteral("-")})
                     .out;
    }
    return texts;
}

void TestPdfPagination::workbookPagesStrandNothing_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("blank");
    for (const char *size : {"A4", "Letter"}) {
        QTest::addRow("%s filled", size) << QString::fromLatin1(size) << false;
        QTest::addRow("%s blank", size) << QString::fromLatin1(size) << true;
    }
}

// No page holds only ruled lines or nothing, and no page ends on a heading whose content is
// on the next.
void TestPdfPagination::workbookPagesStrandNothing()
{
    QFETCH(QString, pageSize);
    QFETCH(bool, blank);
    const QString pdf = exportPdf(QStringLiteral("workbook-%1-%2.pdf").arg(pageSize).arg(blank),
                                  blank ? QStringList{QStringLiteral("--page-size"), pageSize, QStringLiteral("--blank")}
                                        : QStringList{QStringLiteral("--page-size"), pageSize});
    QVERIFY(!pdf.isEmpty());
    const QStringList pages = pageTexts(pdf, pageSize);
    QVERIFY2(pages.size() > 8, qPrintable(QString::number(pages.size())));
    for (qsizetype index = 0; index < pages.size(); ++index) {
        const QStringList lines = pages[index].split(QLatin1Char('\n'), Qt::SkipEmptyParts).filter(QRegularExpression(QStringLiteral("\\S")));
        QVERIFY2(!lines.isEmpty(), qPrintable(QStringLiteral("page %1 has nothing but its header and footer").arg(index + 1)));
        const QString last = lines.last().simplified();
        for (const QString &heading : std::as_const(m_headings)) {
            // A long heading wraps: its first line alone at the bottom is stranded too.
            QVERIFY2(last != heading && !(heading.startsWith(last) && last.size() > 10),
                     qPrintable(QStringLiteral("page %1 ends with the heading \"%2\"").arg(index + 1).arg(heading)));
        }
    }
}

void TestPdfPagination::selfAssessmentTakesThePagesItNeeds_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("blank");
    QTest::addColumn<int>("pages");
    QTest::newRow("A4 filled") << QStringLiteral("A4") << false << 1;
    QTest::newRow("A4 blank") << QStringLiteral("A4") << true << 1;
    // On Letter the table is a row or two longer than a page.
    QTest::newRow("Letter filled") << QStringLiteral("Letter") << false << 2;
}

void TestPdfPagination::selfAssessmentTakesThePagesItNeeds()
{
    QFETCH(QString, pageSize);
    QFETCH(bool, blank);
    QFETCH(int, pages);
    QStringList arguments{QStringLiteral("--scope"), QStringLiteral("activity:worksheet-self-assessment"), QStringLiteral("--page-size"), pageSize};
    if (blank)
        arguments << QStringLiteral("--blank");
    const QString pdf = exportPdf(QStringLiteral("self-assessment-%1-%2.pdf").arg(pageSize).arg(blank), arguments);
    QVERIFY(!pdf.isEmpty());
    const QStringList texts = pageTexts(pdf, pageSize);
    QCOMPARE(texts.size(), pages);
    QVERIFY2(!texts.last().trimmed().isEmpty(), "the last page has nothing but its header and footer");
    QVERIFY(texts.join(QLatin1Char('\n')).contains(QStringLiteral("Total")));
}

QTEST_GUILESS_MAIN(TestPdfPagination)
#include "tst_pdf_pagination.moc"
