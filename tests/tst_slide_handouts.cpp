// A module's slides as a PDF handout, on the real binary: coursebook --export slides --module
// ID [--notes] --output FILE.pdf, read back with pdfinfo and pdftotext. One page per slide,
// each with its slide's heading; the facilitator notes only with --notes; and no answer, the
// facilitator's own or a group's, ever.

#include "AnswerStore.h"
#include "CommandLineRun.h"
#include "CourseLoader.h"
#include "SlideHandoutWriter.h"
#include "TestProcess.h"
#include "WorkshopRecords.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using CommandLineRun::Run;

namespace {

const QString kModule = QStringLiteral("getting-started");
const QString kKwl = QStringLiteral("kwl-course");
const QString kReflection = QStringLiteral("reflect-expert");
const QString kOwnAnswer = QStringLiteral("My own answer about funding worries");
const QString kOwnReflection = QStringLiteral("I reflected on the expert role privately");
const QString kGroupWords = QStringLiteral("The group grid says makerspace Fridays");

Answer kwl(const QString &courseId, const QString &know)
{
    const QJsonObject row{{QStringLiteral("know"), know}, {QStringLiteral("want"), know}, {QStringLiteral("learned"), know}};
    return Answer{courseId, kKwl, QStringLiteral("kwl"), QJsonObject{{QStringLiteral("experience"), know}, {QStringLiteral("rows"), QJsonArray{row}}},
                  false, QDateTime()};
}

// Tags gone, white space runs one space: as pdftotext gives the words back.
QString plain(const QString &html)
{
    QString text = html;
    return text.remove(QRegularExpression(QStringLiteral("<[^>]*>"))).simplified();
}

// The first few words of `text` that are plain letters, so that no entity or typography differs.
QString openingWords(const QString &text)
{
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("[A-Za-z]+( [A-Za-z]+){3}")).match(text);
    return match.captured(0);
}

}  // namespace

class TestSlideHandouts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onePagePerSlideWithItsHeading_data();
    void onePagePerSlideWithItsHeading();
    void refusesWhatItCannotPrint_data();
    void refusesWhatItCannotPrint();

private:
    // The text of each page of the handout, in order.
    QStringList exportPages(bool notes, Run *run) const;

    QTemporaryDir m_data;
    QTemporaryDir m_out;
    SlideDeck m_deck;
};

void TestSlideHandouts::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) are needed to read the handout back");
    const Course course = CourseLoader::load(CommandLineRun::bundledCourse());
    m_deck = SlideHandoutWriter::deck(course, kModule, QPageSize::A4);
    QVERIFY(m_deck.count() > 5);

    // Answers of every kind for the module's activities: none may reach a handout.
    AnswerStore personal;
    QCOMPARE(personal.open(m_data.path()).status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(personal.save(kwl(course.id, kOwnAnswer)));
    QVERIFY(personal.save(Answer{course.id, kReflection, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), kOwnReflection}},
                                 true, QDateTime()}));
    WorkshopRecords records;
    QCOMPARE(records.open(m_data.path()).status, AnswerStore::OpenReport::Status::Ok);
    const WorkshopRecord record = *records.create(course.id, kModule, QStringLiteral("Morning group"));
    QVERIFY(records.store()->save(kwl(WorkshopRecords::storeCourseId(record), kGroupWords)));
}

QStringList TestSlideHandouts::exportPages(bool notes, Run *run) const
{
    const QString path = m_out.filePath(notes ? QStringLiteral("with-notes.pdf") : QStringLiteral("slides.pdf"));
    QStringList arguments{QStringLiteral("--course"), CommandLineRun::bundledCourse(), QStringLiteral("--data-dir"), m_data.path(),
                          QStringLiteral("--export"), QStringLiteral("slides"), QStringLiteral("--module"), kModule,
                          QStringLiteral("--page-size"), QStringLiteral("A4"), QStringLiteral("--output"), path};
    if (notes)
        arguments << QStringLiteral("--notes");
    *run = CommandLineRun::runApp(arguments);
    const QString info = TestProcess::run(QStringLiteral("pdfinfo"), {path}).out;
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    // pdftotext ends each page with a form feed.
    QStringList texts = TestProcess::run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
                            .out.split(QLatin1Char('\f'));
    if (!texts.isEmpty() && texts.last().trimmed().isEmpty())
        texts.removeLast();
    if (pages.captured(1).toInt() != texts.size())
        return {};
    for (QString &text : texts)
        text = text.simplified();
    return texts;
}

void TestSlideHandouts::onePagePerSlideWithItsHeading_data()
{
    QTest::addColumn<bool>("notes");
    QTest::newRow("slides") << false;
    QTest::newRow("slides with notes") << true;
}

void TestSlideHandouts::onePagePerSlideWithItsHeading()
{
    QFETCH(bool, notes);
    Run run;
    const QStringList pages = exportPages(notes, &run);
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.outText().contains(QStringLiteral("(%1 slides)").arg(m_deck.count())), qPrintable(run.describe()));
    QCOMPARE(pages.size(), m_deck.count());

    int notesShown = 0;
    for (int index = 0; index < m_deck.count(); ++index) {
        const Slide &slide = m_deck.slides().at(index);
        const QString &page = pages.at(index);
        QVERIFY2(page.contains(slide.heading.simplified()), qPrintable(QStringLiteral("page %1 lacks \"%2\": %3").arg(index + 1).arg(slide.heading, page)));
        QVERIFY2(page.contains(QStringLiteral("%1 / %2").arg(index + 1).arg(m_deck.count())), qPrintable(page));
        const QString notesWords = openingWords(plain(slide.notesHtml));
        if (!notesWords.isEmpty()) {
            QCOMPARE(page.contains(notesWords), notes);
            ++notesShown;
        }
        for (const QString &answer : {kOwnAnswer, kOwnReflection, kGroupWords})
            QVERIFY2(!page.contains(answer), qPrintable(page));
    }
    QVERIFY2(notesShown > 0, "the module has facilitator notes to show or hide");
}

void TestSlideHandouts::refusesWhatItCannotPrint_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("no module") << QStringList() << QStringLiteral("--export slides needs --module MODULE_ID");
    QTest::newRow("unknown module") << QStringList{QStringLiteral("--module"), QStringLiteral("no-such-module")}
                                    << QStringLiteral("The course has no module \"no-such-module\".");
}

void TestSlideHandouts::refusesWhatItCannotPrint()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const QString path = m_out.filePath(QStringLiteral("refused.pdf"));
    const Run run = CommandLineRun::runApp(QStringList{QStringLiteral("--course"), CommandLineRun::bundledCourse(), QStringLiteral("--export"),
                                                       QStringLiteral("slides"), QStringLiteral("--output"), path}
                                           + arguments);
    QVERIFY2(run.ok() && run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(error), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestSlideHandouts)
#include "tst_slide_handouts.moc"
