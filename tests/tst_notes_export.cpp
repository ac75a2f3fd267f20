// The learner's notes in the workbook export (issue 15): "My notes" after the activities, a
// heading per module and page in course order, only for the pages the scope covers, never in
// a blank export; read back from the real files as a learner's programs would, the DOCX with
// python-docx and the PDF with pdftotext.

#include "AnswerStore.h"
#include "CommandLineRun.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CommandLineRun;

namespace {

const QString kCourseId = QStringLiteral("connected-learning-library-staff");
const QString kWelcomeNote = QStringLiteral("Ask Maya about the maker club 🛠");
const QString kGlanceNote = QStringLiteral("Three spheres: interests,\nrelationships, opportunities");
const QString kPathwaysNote = QStringLiteral("Badges for teens who never finish?");

// Each paragraph of the DOCX as "STYLE|TEXT", from python-docx.
QStringList docxParagraphs(const QString &path)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QStringLiteral("import docx, sys\n"
                                                       "for p in docx.Document(sys.argv[1]).paragraphs:\n"
                                                       "    print(p.style.name + '|' + p.text.replace('\\n', ' / '))"),
                  path});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning().noquote() << "python-docx failed:" << python.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

}  // namespace

class TestNotesExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void docxHasMyNotesInCourseOrder();
    void scopeLimitsTheNotes();
    void blankExportHasNoNotes();
    void pdfHasMyNotes();

private:
    QString exportWorkbook(const QString &format, const QStringList &extra);

    QTemporaryDir m_dir;
};

void TestNotesExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    AnswerStore store;
    QCOMPARE(store.open(m_dir.filePath(QStringLiteral("data"))).status, AnswerStore::OpenReport::Status::Ok);
    // Saved out of course order: the export puts them in course order.
    QVERIFY(store.saveNote(Note{kCourseId, QStringLiteral("libraries-and-equity/many-pathways"), kPathwaysNote, QDateTime()}));
    QVERIFY(store.saveNote(Note{kCourseId, QStringLiteral("what-is-connected-learning/at-a-glance"), kGlanceNote, QDateTime()}));
    QVERIFY(store.saveNote(Note{kCourseId, QStringLiteral("getting-started/welcome"), kWelcomeNote, QDateTime()}));
    QVERIFY(store.saveNote(Note{kCourseId, QStringLiteral("getting-started/the-mindset"), QStringLiteral("emptied"), QDateTime()}));
    QVERIFY(store.saveNote(Note{kCourseId, QStringLiteral("getting-started/the-mindset"), QString(), QDateTime()}));
}

QString TestNotesExport::exportWorkbook(const QString &format, const QStringList &extra)
{
    static int count = 0;
    const QString output = m_dir.filePath(QStringLiteral("export-%1.%2").arg(++count).arg(format));
    const Run run = runApp(QStringList{QStringLiteral("--course"), bundledCourse(), QStringLiteral("--data-dir"),
                                       m_dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), format,
                                       QStringLiteral("--output"), output} + extra);
    if (!run.ok() || run.exitCode != 0) {
        qWarning().noquote() << run.describe();
        return {};
    }
    return output;
}

void TestNotesExport::docxHasMyNotesInCourseOrder()
{
    const QString path = exportWorkbook(QStringLiteral("docx"), {});
    QVERIFY(!path.isEmpty());
    const QStringList paragraphs = docxParagraphs(path);
    const qsizetype start = paragraphs.indexOf(QStringLiteral("Heading 1, New Page|My notes"));
    QVERIFY2(start > 0, qPrintable(paragraphs.join(QLatin1Char('\n'))));
    // After every activity: the notes are the document's last section.
    const QStringList notes = paragraphs.mid(start + 1);
    const QStringList expected{
        QStringLiteral("Heading 2|Getting Started: The Connected Learning Mindset"),
        QStringLiteral("Heading 3|Welcome to the Course"),
        QStringLiteral("Normal|") + kWelcomeNote,
        QStringLiteral("Heading 2|What Is Connected Learning?"),
        QStringLiteral("Heading 3|Connected Learning at a Glance"),
        QStringLiteral("Normal|Three spheres: interests,"),  // a paragraph a line, as answers have
        QStringLiteral("Normal|relationships, opportunities"),
        QStringLiteral("Heading 2|Why Libraries, Why Equity"),
        QStringLiteral("Heading 3|Many Pathways, Many Kinds of Success"),
        QStringLiteral("Normal|") + kPathwaysNote,
    };
    QCOMPARE(notes, expected);
}

void TestNotesExport::scopeLimitsTheNotes()
{
    const QStringList page = docxParagraphs(exportWorkbook(QStringLiteral("docx"), {QStringLiteral("--scope"),
                                                                                     QStringLiteral("page:getting-started/welcome")}));
    QVERIFY(page.contains(QStringLiteral("Normal|") + kWelcomeNote));
    QVERIFY(!page.join(QLatin1Char('\n')).contains(kPathwaysNote));
    const QStringList module = docxParagraphs(exportWorkbook(QStringLiteral("docx"), {QStringLiteral("--scope"),
                                                                                       QStringLiteral("module:libraries-and-equity")}));
    QVERIFY(module.contains(QStringLiteral("Normal|") + kPathwaysNote));
    QVERIFY(!module.join(QLatin1Char('\n')).contains(kWelcomeNote));
}

void TestNotesExport::blankExportHasNoNotes()
{
    const QStringList blank = docxParagraphs(exportWorkbook(QStringLiteral("docx"), {QStringLiteral("--blank")}));
    QVERIFY(!blank.isEmpty());
    QVERIFY(!blank.join(QLatin1Char('\n')).contains(QStringLiteral("My notes")));
    QVERIFY(!blank.join(QLatin1Char('\n')).contains(kWelcomeNote));
}

void TestNotesExport::pdfHasMyNotes()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString path = exportWorkbook(QStringLiteral("pdf"), {QStringLiteral("--scope"), QStringLiteral("module:getting-started")});
    QVERIFY(!path.isEmpty());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(60000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
    const qsizetype notes = text.lastIndexOf(QStringLiteral("My notes"));
    QVERIFY2(notes > 0, qPrintable(text.right(2000)));
    const QString section = text.mid(notes);
    QVERIFY2(section.contains(QStringLiteral("Welcome to the Course Ask Maya about the maker club")), qPrintable(section));
    QVERIFY(!section.contains(kPathwaysNote));
}

QTEST_GUILESS_MAIN(TestNotesExport)
#include "tst_notes_export.moc"
