#include "AnswerStore.h"
#include "PaperSize.h"
#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "ExportDocument.h"
#include "PictureCourse.h"
#include "PdfWorksheetWriter.h"
#include "WorksheetHtml.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

// The PDF worksheet export: the printable HTML, and the PDF Qt WebEngine prints from it,
// read back with poppler's pdftotext/pdfinfo when they are installed.
class TestPdfExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void htmlEscapesAndComputesTotals();
    void blankHtmlHasPlaceToWrite();
    void pageSizeFollowsTheTerritory();
    void writesFilledPdf_data();
    void writesFilledPdf();
    void blankPdfHasPromptsOnly();
    void everyPageHasItsNumberAndRunningHead();
    void bookmarksFollowModulesPagesAndActivities();
    void promptPicturesArePrinted();
    void unwritableTargetLeavesNoFile_data();
    void unwritableTargetLeavesNoFile();
    void bundledCourseWithAnswers();
    void commandLineWritesHandouts();

private:
    static ExportDocument document(bool blank);
    static Answer answer(const QString &id, const QString &kind, const QJsonObject &value);
    static QString run(const QString &program, const QStringList &arguments);
    static ExportDocument longDocument();

    QTemporaryDir m_dir;
    bool m_poppler = false;
};

// Answer texts the PDF checks look for.
static const QStringList answerTexts = {
    QStringLiteral("Ran two workshops online"), QStringLiteral("Peers share notes"), QStringLiteral("How to moderate forums"),
    QStringLiteral("Feedback loops matter"),    QStringLiteral("Mistakes taught me the café trick"),
    QStringLiteral("Drafted plan"),             QStringLiteral("Built prototype"),
    QStringLiteral("Extra row text"),           QStringLiteral("Short response about iteration"),
};

Answer TestPdfExport::answer(const QString &id, const QString &kind, const QJsonObject &value)
{
    Answer a;
    a.courseId = QStringLiteral("test");
    a.activityId = id;
    a.kind = kind;
    a.value = value;
    a.updated = QDateTime::currentDateTimeUtc();
    return a;
}

ExportDocument TestPdfExport::document(bool blank)
{
    using Type = WorksheetCell::Type;
    ExportDocument doc;
    doc.courseTitle = QStringLiteral("Connected Learning — Ünïcode 🎓");
    doc.learner = blank ? QString() : QStringLiteral("Zoë Ødegård");
    doc.scopeTitle = QStringLiteral("Whole workbook");
    doc.date = QDate(2024, 5, 17);
    doc.blank = blank;

    ActivitySpec kwl;
    kwl.id = QStringLiteral("kwl");
    kwl.kind = ActivitySpec::Kind::Kwl;
    kwl.title = QStringLiteral("Your KWL");
    kwl.promptHtml = QStringLiteral("<p>Jot down your <em>experience</em>, then the <a href=\"course://coursebook/page/m/p\">columns</a>.</p>");
    ActivitySpec reflection;
    reflection.id = QStringLiteral("reflect");
    reflection.kind = ActivitySpec::Kind::Reflection;
    reflection.title = QStringLiteral("Reflect on a mistake");
    reflection.promptHtml = QStringLiteral("<ul><li>Think about a time you got it wrong.</li><li>What changed?</li></ul>");
    ActivitySpec sheet;
    sheet.id = QStringLiteral("sheet");
    sheet.kind = ActivitySpec::Kind::Worksheet;
    sheet.title = QStringLiteral("Plan your week");
    sheet.promptHtml = QStringLiteral("<p>Fill in the <strong>hours</strong> and how sure you are.</p>");
    sheet.columns = {QStringLiteral("Task"), QStringLiteral("Hours"), QStringLiteral("Confidence"), QStringLiteral("Notes")};
    const WorksheetCell rating{Type::Rating, {}, {QStringLiteral("low"), QStringLiteral("mid"), QStringLiteral("high")}};
    const WorksheetCell editable{Type::Editable, {}, {}};
    sheet.rows = {{{Type::Fixed, QStringLiteral("Planning"), {}}, editable, rating, editable},
                  {{Type::Fixed, QStringLiteral("Doing"), {}}, editable, rating, editable},
                  {{Type::Fixed, QStringLiteral("Total"), {}}, {Type::Total, {}, {}}, {Type::Total, {}, {}}, {}}};
    sheet.canAddRows = true;
    ActivitySpec response;
    response.id = QStringLiteral("respond");
    response.kind = ActivitySpec::Kind::Response;
    response.title = QStringLiteral("Respond briefly");
    response.promptHtml = QStringLiteral("<p>Say what iteration means to you.</p>");

    doc.items = {{QStringLiteral("m1"), QStringLiteral("Getting started"), QStringLiteral("m1/p1"), QStringLiteral("Welcome"), kwl, {}},
                 {QStringLiteral("m1"), QStringLiteral("Getting started"), QStringLiteral("m1/p2"), QStringLiteral("Mistakes"), reflection, {}},
                 {QStringLiteral("m2"), QStringLiteral("Planning ahead"), QStringLiteral("m2/p1"), QStringLiteral("Your week"), sheet, {}},
                 {QStringLiteral("m2"), QStringLiteral("Planning ahead"), QStringLiteral("m2/p1"), QStringLiteral("Your week"), response, {}}};
    if (blank)
        return doc;
    const auto row = [](const QString &know, const QString &want, const QString &learned) {
        return QJsonObject{{QStringLiteral("know"), know}, {QStringLiteral("want"), want}, {QStringLiteral("learned"), learned}};
    };
    doc.items[0].answer = answer(kwl.id, QStringLiteral("kwl"), QJsonObject{
        {QStringLiteral("experience"), QStringLiteral("Ran two workshops online, naïvely 🙂")},
        {QStringLiteral("rows"), QJsonArray{row(QStringLiteral("Peers share notes"), QStringLiteral("How to moderate forums"),
                                                QStringLiteral("Feedback loops matter"))}}});
    doc.items[1].answer = answer(reflection.id, QStringLiteral("reflection"), QJsonObject{
        {QStringLiteral("text"), QStringLiteral("Mistakes taught me the café trick.\n\nSecond paragraph <script>alert(1)</script>")}});
    // The learner added one row (before the totals); the second hours value is a JSON number.
    doc.items[2].answer = answer(sheet.id, QStringLiteral("worksheet"), QJsonObject{{QStringLiteral("cells"), QJsonArray{
        QJsonArray{QJsonValue::Null, QStringLiteral("2"), QStringLiteral("mid"), QStringLiteral("Drafted plan")},
        QJsonArray{QJsonValue::Null, 3.5, QStringLiteral("high"), QStringLiteral("Built prototype")},
        QJsonArray{QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("low"), QStringLiteral("Extra row text")},
        QJsonArray{QJsonValue::Null, QJsonValue::Null, QJsonValue::Null, QJsonValue::Null}}}});
    doc.items[3].answer = answer(response.id, QStringLiteral("response"),
                                 QJsonObject{{QStringLiteral("text"), QStringLiteral("Short response about iteration")}});
    return doc;
}

QString TestPdfExport::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestPdfExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_poppler = !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
             && !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty();
    if (!m_poppler)
        qWarning("pdftotext/pdfinfo not found (poppler-utils): PDFs are written but not read back");
}

void TestPdfExport::htmlEscapesAndComputesTotals()
{
    const QString html = WorksheetHtml::document(document(false), QStringLiteral("A4"));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(!html.contains(QLatin1String("<script")));
    QVERIFY(html.contains(QLatin1String("size: A4;")));
    QVERIFY(html.contains(QStringLiteral("Learner: Zoë Ødegård · ")));
    QVERIFY(html.contains(QLatin1String("<em>experience</em>")));  // the prompt's markup is kept
    QVERIFY(html.contains(QLatin1String("<h1 id=\"module-2\"><a href=\"#module-2\">Planning ahead</a></h1>")));
    QCOMPARE(html.count(QLatin1String("<h1 ")), 2);
    QCOMPARE(html.count(QLatin1String(">Your week</a></h2>")), 1);  // two activities, one page heading
    // Hours 2 + 3.5 + 1; confidence mid(2) + high(3) + low(1); the added row sits before the totals.
    QVERIFY(html.contains(QLatin1String("<td class=\"total\">6.5</td><td class=\"total\">6</td>")));
    QVERIFY(html.indexOf(QLatin1String("Extra row text")) < html.indexOf(QLatin1String("6.5")));
    QVERIFY(!html.contains(QLatin1String("http")));  // nothing to fetch
}

void TestPdfExport::blankHtmlHasPlaceToWrite()
{
    const QString html = WorksheetHtml::document(document(true), QStringLiteral("Letter"));
    QVERIFY(html.contains(QLatin1String("size: Letter;")));
    QVERIFY(html.contains(QLatin1String("class=\"blank-name\"")));
    QVERIFY(html.contains(QStringLiteral("☐\u00a0low ☐\u00a0mid ☐\u00a0high")));
    QCOMPARE(html.count(QLatin1String("<tr class=\"empty\">")), 5);
    QVERIFY(html.contains(QStringLiteral("<div class=\"lines\">") + QStringLiteral("<div></div>").repeated(6)));
    QVERIFY(!html.contains(QLatin1String("class=\"total\">6")));
    for (const QString &text : answerTexts)
        QVERIFY2(!html.contains(text.toHtmlEscaped()), qPrintable(text));
}

void TestPdfExport::pageSizeFollowsTheTerritory()
{
    QCOMPARE(PaperSize::forTerritory(QLocale::UnitedStates), QPageSize::Letter);
    QCOMPARE(PaperSize::forTerritory(QLocale::Canada), QPageSize::Letter);
    QCOMPARE(PaperSize::forTerritory(QLocale::Germany), QPageSize::A4);
    QCOMPARE(PaperSize::forTerritory(QLocale::UnitedKingdom), QPageSize::A4);
}

void TestPdfExport::writesFilledPdf_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");
    QTest::newRow("A4") << int(QPageSize::A4) << 595.28 << 841.89;
    QTest::newRow("Letter") << int(QPageSize::Letter) << 612.0 << 792.0;
}

void TestPdfExport::writesFilledPdf()
{
    QFETCH(int, size);
    QFETCH(double, width);
    QFETCH(double, height);
    const QString path = m_dir.filePath(QStringLiteral("filled-%1.pdf").arg(size));
    QString error;
    QVERIFY2(PdfWorksheetWriter::write(document(false), path, QPageSize::PageSizeId(size), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("filled-%1").arg(size)).size(), 1);
    if (!m_poppler)
        QSKIP("poppler-utils not installed");

    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QVERIFY(!text.isEmpty());
    QVERIFY(text.contains(QStringLiteral("Zoë")));
    QVERIFY(text.contains(QLatin1String("Reflect on a mistake")));
    for (const QString &answerText : answerTexts)
        QVERIFY2(text.contains(answerText), qPrintable(answerText + QLatin1String(" not in:\n") + text));
    QVERIFY(text.contains(QLatin1String("<script>alert(1)</script>")));  // shown as text

    const QString info = run(QStringLiteral("pdfinfo"), {path});
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(info);
    QVERIFY2(match.hasMatch(), qPrintable(info));
    QVERIFY2(qAbs(match.captured(1).toDouble() - width) < 1.0, qPrintable(info));
    QVERIFY2(qAbs(match.captured(2).toDouble() - height) < 1.0, qPrintable(info));
}

void TestPdfExport::blankPdfHasPromptsOnly()
{
    const QString path = m_dir.filePath(QStringLiteral("blank.pdf"));
    QString error;
    QVERIFY2(PdfWorksheetWriter::write(document(true), path, QPageSize::A4, &error), qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 0);
    if (!m_poppler)
        QSKIP("poppler-utils not installed");
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const char *prompt : {"Think about a time you got it wrong.", "Say what iteration means to you.", "Plan your week", "Planning"})
        QVERIFY2(text.contains(QLatin1String(prompt)), prompt);
    for (const QString &answerText : answerTexts)
        QVERIFY2(!text.contains(answerText), qPrintable(answerText));
    QVERIFY(text.contains(QLatin1String("Want to learn")));
}

// Enough activities for several pages, the second module starting on a page of its own.
ExportDocument TestPdfExport::longDocument()
{
    ExportDocument doc = document(false);
    for (int i = 1; i <= 8; ++i) {
        ExportItem extra = doc.items[1];
        extra.pageId = QStringLiteral("m1/extra-%1").arg(i);
        extra.pageTitle = QStringLiteral("Extra page %1").arg(i);
        extra.spec.title = QStringLiteral("Extra reflection %1").arg(i);
        doc.items.insert(2, extra);
    }
    return doc;
}

void TestPdfExport::everyPageHasItsNumberAndRunningHead()
{
    if (!m_poppler)
        QSKIP("poppler-utils not installed");
    const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(PdfWorksheetWriter::write(longDocument(), path, QPageSize::A4, &error), qPrintable(error));
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    QVERIFY2(pages >= 3, qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Author:          Zoë Ødegård")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Title:           Connected Learning — Ünïcode 🎓: Whole workbook")), qPrintable(info));
    for (int page = 1; page <= pages; ++page) {
        const QString number = QString::number(page);
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), number, QStringLiteral("-l"), number, path, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Zoë Ødegård · ")), qPrintable(text));
        // From page 2 the running head names the course and the scope; page 1 has the title block.
        QCOMPARE(text.count(QStringLiteral("Connected Learning — Ünïcode")), 1);
        QVERIFY2(text.contains(QStringLiteral("Whole workbook")), qPrintable(text));
    }
    // The page chrome is drawn over the content, not instead of it.
    const QString all = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const QString &answerText : answerTexts)
        QVERIFY2(all.contains(answerText), qPrintable(answerText));
}

void TestPdfExport::bookmarksFollowModulesPagesAndActivities()
{
    const QString path = m_dir.filePath(QStringLiteral("outline.pdf"));
    QString error;
    QVERIFY2(PdfWorksheetWriter::write(longDocument(), path, QPageSize::Letter, &error), qPrintable(error));
    QPDF pdf;
    pdf.processFile(path.toLocal8Bit().constData());
    QCOMPARE(QString::fromStdString(pdf.getRoot().getKey("/PageMode").getName()), QStringLiteral("/UseOutlines"));
    const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    const auto pageOf = [&](QPDFOutlineObjectHelper &item) {
        const QPDFObjGen target = item.getDestPage().getObjGen();
        const auto found = std::find_if(pages.begin(), pages.end(), [&](const QPDFPageObjectHelper &page) {
            return page.getObjectHandle().getObjGen() == target;
        });
        return found == pages.end() ? -1 : int(found - pages.begin()) + 1;
    };
    QPDFOutlineDocumentHelper outline(pdf);
    std::vector<QPDFOutlineObjectHelper> modules = outline.getTopLevelOutlines();
    QCOMPARE(modules.size(), size_t(2));
    QCOMPARE(QString::fromStdString(modules[0].getTitle()), QStringLiteral("Getting started"));
    QCOMPARE(QString::fromStdString(modules[1].getTitle()), QStringLiteral("Planning ahead"));
    QCOMPARE(pageOf(modules[0]), 1);

    std::vector<QPDFOutlineObjectHelper> firstPages = modules[0].getKids();
    QCOMPARE(firstPages.size(), size_t(10));  // Welcome, eight extra pages, Mistakes
    QCOMPARE(QString::fromStdString(firstPages[0].getTitle()), QStringLiteral("Welcome"));
    std::vector<QPDFOutlineObjectHelper> activities = firstPages[0].getKids();
    QCOMPARE(activities.size(), size_t(1));
    QCOMPARE(QString::fromStdString(activities[0].getTitle()), QStringLiteral("Your KWL"));

    // The second module starts a new page; its bookmark goes there, as do its activities.
    const int second = pageOf(modules[1]);
    QVERIFY2(second > 1, qPrintable(QString::number(second)));
    std::vector<QPDFOutlineObjectHelper> week = modules[1].getKids();
    QCOMPARE(week.size(), size_t(1));
    std::vector<QPDFOutlineObjectHelper> weekActivities = week[0].getKids();
    QCOMPARE(weekActivities.size(), size_t(2));
    QCOMPARE(QString::fromStdString(weekActivities[1].getTitle()), QStringLiteral("Respond briefly"));
    QVERIFY(pageOf(weekActivities[1]) >= second);
    if (m_poppler) {
        const QString number = QString::number(second);
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), number, QStringLiteral("-l"), number, path, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Planning ahead")), qPrintable(text));
    }
}

// The PDF is printed in a profile that reaches no course: the prompt's pictures travel in it.
void TestPdfExport::promptPicturesArePrinted()
{
    const Course course = CourseLoader::load(PictureCourse::write(m_dir.path()));
    ExportDocument doc;
    QString error;
    QVERIFY2(ExportDocument::build(course, nullptr, ExportScope(), true, QString(), &doc, &error), qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("pictures.pdf"));
    QVERIFY2(PdfWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
    if (!m_poppler || QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty())
        QSKIP("poppler-utils not installed");
    // The PNG is an image of its own size; the SVG is drawn as vectors, so it is not listed.
    const QString images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path});
    QVERIFY2(QRegularExpression(QStringLiteral("\\n\\s*1\\s+\\d+\\s+image\\s+120\\s+60\\s")).match(images).hasMatch(), qPrintable(images));
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QVERIFY(text.contains(QStringLiteral("Image not found: A lost picture")));
}

void TestPdfExport::unwritableTargetLeavesNoFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("why");
    const QString folder = m_dir.filePath(QStringLiteral("a-folder"));
    QVERIFY(QDir().mkpath(folder));
    QFile kept(folder + QStringLiteral("/kept.txt"));
    QVERIFY(kept.open(QIODevice::WriteOnly));
    kept.write("already here");
    QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("no/such/folder/out.pdf"))
                                    << QStringLiteral("%1 does not exist").arg(QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("no/such/folder"))));
    QTest::newRow("a folder") << folder << QStringLiteral("%1 is a folder").arg(QDir::toNativeSeparators(folder));
    QTest::newRow("empty") << QString() << QStringLiteral("No file name");
    // Refused once the file is open: its temporary file must go too.
    QTest::newRow("too large") << m_dir.filePath(QStringLiteral("huge.pdf")) << QStringLiteral("too large");
}

// Every file under the test folder, with its size: what a failed export must leave as it was.
static QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        files << QStringLiteral("%1 %2").arg(info.filePath()).arg(info.isDir() ? -1 : info.size());
    }
    files.sort();
    return files;
}

// The export says why it failed and writes nothing: no folder made for it, no file dropped
// in the folder it was given, no half-written or temporary file left beside it.
void TestPdfExport::unwritableTargetLeavesNoFile()
{
    QFETCH(QString, path);
    QFETCH(QString, why);
    ExportDocument doc = document(false);
    if (QByteArray(QTest::currentDataTag()) == "too large")  // an answer of 3 MB
        doc.items[1].answer->value = QJsonObject{{QStringLiteral("text"), QString(3 * 1024 * 1024, QLatin1Char('x'))}};
    const QStringList before = filesUnder(m_dir.path());
    QString error;
    QVERIFY(!PdfWorksheetWriter::write(doc, path, QPageSize::A4, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
    QCOMPARE(filesUnder(m_dir.path()), before);
}

// The whole bundled workbook with a few answers, as a learner prints it. COURSEBOOK_PDF_SAMPLE=FILE
// also keeps a copy at FILE, to look at the layout.
void TestPdfExport::bundledCourseWithAnswers()
{
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    AnswerStore store;
    QCOMPARE(store.open(m_dir.filePath(QStringLiteral("store"))).status, AnswerStore::OpenReport::Status::Ok);
    const QString experience = QStringLiteral("I followed a few open online courses and kept a learning blog for a year.");
    const QString know = QStringLiteral("Learning happens in networks, not only in class.");
    const QString want = QStringLiteral("How to give feedback kindly.");
    const QString bread = QStringLiteral("My grandmother taught me to bake bread");
    Answer kwl = answer(QStringLiteral("kwl-course"), QStringLiteral("kwl"), QJsonObject{
        {QStringLiteral("experience"), experience},
        {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), know},
                                                        {QStringLiteral("want"), QStringLiteral("How do I find peers who share my interests?")},
                                                        {QStringLiteral("learned"), QString()}},
                                            QJsonObject{{QStringLiteral("know"), QStringLiteral("Sharing drafts early gets better feedback.")},
                                                        {QStringLiteral("want"), want},
                                                        {QStringLiteral("learned"), QString()}}}}});
    kwl.courseId = course.id;
    Answer expert = answer(QStringLiteral("reflect-expert"), QStringLiteral("reflection"), QJsonObject{
        {QStringLiteral("text"), bread + QStringLiteral(": she let me make mistakes and tasted every loaf with me.\n\n"
                                                        "She never gave a lecture — she showed, then watched. Café-style chats after.")}});
    expert.courseId = course.id;
    QVERIFY(store.save(kwl));
    QVERIFY(store.save(expert));
    ExportDocument doc;
    QString error;
    QVERIFY2(ExportDocument::build(course, &store, ExportScope(), false, QStringLiteral("Zoë Ødegård"), &doc, &error), qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("bundled.pdf"));
    QVERIFY2(PdfWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
    if (const QString sample = qEnvironmentVariable("COURSEBOOK_PDF_SAMPLE"); !sample.isEmpty()) {
        QFile::remove(sample);
        QVERIFY2(QFile::copy(path, sample), qPrintable(sample));
    }
    if (!m_poppler)
        QSKIP("poppler-utils not installed");
    QVERIFY(run(QStringLiteral("pdfinfo"), {path}).contains(QStringLiteral("(A4)")));
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}).simplified();
    for (const QString &expected : {QStringLiteral("Zoë Ødegård"), experience, know, want, bread, course.title})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    for (const ExportItem &item : std::as_const(doc.items))
        QVERIFY2(text.contains(item.spec.title.simplified()), qPrintable(item.spec.title));
}

// A facilitator's handout from the command line: the bundled course, blank, on Letter paper.
void TestPdfExport::commandLineWritesHandouts()
{
    const QString path = m_dir.filePath(QStringLiteral("handout.pdf"));
    QProcess app;
    app.start(QStringLiteral(COURSEBOOK_APP_PATH),
              {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("none")),
               QStringLiteral("--export"), QStringLiteral("pdf"), QStringLiteral("--blank"), QStringLiteral("--page-size"),
               QStringLiteral("Letter"), QStringLiteral("--scope"), QStringLiteral("module:getting-started"), QStringLiteral("--output"), path});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(QString::fromUtf8(app.readAllStandardOutput()).startsWith(QStringLiteral("wrote ")));
    QVERIFY(QFile::exists(path));
    if (!m_poppler)
        QSKIP("poppler-utils not installed");
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("Your Connected Learning KWL")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Want to learn")));
    QVERIFY(run(QStringLiteral("pdfinfo"), {path}).contains(QStringLiteral("612 x 792")));

    app.start(QStringLiteral(COURSEBOOK_APP_PATH),
              {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--export"), QStringLiteral("pdf"),
               QStringLiteral("--output"), m_dir.filePath(QStringLiteral("no-such-folder/x.pdf"))});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitCode(), 1);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-such-folder/x.pdf"))));
}

int main(int argc, char *argv[])
{
    CourseSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    TestPdfExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_pdf_export.moc"
