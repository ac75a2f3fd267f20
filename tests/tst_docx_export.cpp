// Tests for the DOCX worksheet export: documents built by hand and from the bundled course
// are written, unzipped with libzip and every part parsed; pandoc and python-docx read them
// back when installed; the command line is run on the real binary.

#include "AnswerStore.h"
#include "CourseLoader.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"
#include "PictureCourse.h"
#include "TestProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QImage>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <zip.h>

namespace {

const QString kAccents = QStringLiteral("Café crème à l’école — naïve façade");
const QString kEmoji = QStringLiteral("Teens loved it 🎉🚀");
const QString kRtl = QStringLiteral("مرحبا بالعالم");
const QString kHebrew = QStringLiteral("שלום עולם");
const QString kKnow = QStringLiteral("Zines travel well ✂️");
const QString kWant = QStringLiteral("How to run a Minecraft club?");
const QString kLearned = QStringLiteral("Ask the teens first");
const QString kCell = QStringLiteral("Ask Ms. Øberg at the makerspace");
const QString kWantMore = QStringLiteral("and where to find the kit");  // a second line in the Want cell
// Every text initTestCase stores as an answer for the bundled course.
const QStringList kStoredAnswers = {kAccents, kEmoji, kRtl, kHebrew, kKnow, kWant, kWantMore, kLearned};

// The files of a zip archive by name; empty when it cannot be read.
QMap<QString, QByteArray> unzip(const QString &path)
{
    QMap<QString, QByteArray> files;
    int error = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!archive)
        return files;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, zip_uint64_t(i), 0, &stat) != 0)
            continue;
        zip_file_t *file = zip_fopen_index(archive, zip_uint64_t(i), 0);
        QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
        if (file && zip_fread(file, bytes.data(), stat.size) == zip_int64_t(stat.size))
            files.insert(QString::fromUtf8(stat.name), bytes);
        if (file)
            zip_fclose(file);
    }
    zip_close(archive);
    return files;
}

// All the text of w:t elements, and whether the XML is well-formed.
bool parse(const QByteArray &xml, QString *text = nullptr, QString *problem = nullptr)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (text && reader.isStartElement() && reader.qualifiedName() == QLatin1String("w:t"))
            *text += reader.readElementText() + QLatin1Char('\n');
    }
    if (reader.hasError() && problem)
        *problem = reader.errorString();
    return !reader.hasError();
}

// The lines of the first table cell (w:tc) whose text contains `containing`: one per
// paragraph, and a line break (w:br) inside a paragraph starts another. Empty when no cell has it.
QStringList cellLines(const QByteArray &document, const QString &containing)
{
    QXmlStreamReader reader(document);
    QStringList lines;
    int depth = 0;  // nesting of w:tc, so a table in a cell is read as part of it
    while (!reader.atEnd()) {
        reader.readNext();
        const QStringView name = reader.qualifiedName();
        if (reader.isStartElement() && name == QLatin1String("w:tc") && depth++ == 0)
            lines.clear();
        else if (depth > 0 && reader.isStartElement() && (name == QLatin1String("w:p") || name == QLatin1String("w:br")))
            lines << QString();
        else if (depth > 0 && reader.isStartElement() && name == QLatin1String("w:t") && !lines.isEmpty())
            lines.last() += reader.readElementText();
        else if (reader.isEndElement() && name == QLatin1String("w:tc") && --depth == 0 && lines.join(QLatin1Char('\n')).contains(containing))
            return lines;
    }
    return {};
}

// The Target of every Relationship in a .rels part that is not external.
QStringList internalTargets(const QByteArray &rels)
{
    QStringList targets;
    QXmlStreamReader reader(rels);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("Relationship")
            && reader.attributes().value(QStringLiteral("TargetMode")) != QLatin1String("External"))
            targets << reader.attributes().value(QStringLiteral("Target")).toString();
    }
    return targets;
}

ExportItem item(const QString &module, const QString &page, ActivitySpec spec, std::optional<QJsonObject> value)
{
    ExportItem result{module, module, page, page, spec, std::nullopt};
    if (value)
        result.answer = Answer{QStringLiteral("course"), spec.id, ActivitySpec::kindName(spec.kind), *value, false, {}};
    return result;
}

ActivitySpec spec(const QString &id, ActivitySpec::Kind kind, const QString &title, const QString &promptHtml)
{
    ActivitySpec result;
    result.id = id;
    result.kind = kind;
    result.title = title;
    result.promptHtml = promptHtml;
    return result;
}

using Run = TestProcess::Result;

Run runProgram(const QString &program, const QStringList &arguments)
{
    return TestProcess::run(program, arguments);
}

}  // namespace

class TestDocxExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
        QCOMPARE(m_store.open(m_dir.filePath(QStringLiteral("data"))).status, AnswerStore::OpenReport::Status::Ok);
        const auto save = [this](const QString &id, const QString &kind, const QJsonObject &value) {
            return m_store.save(Answer{m_course.id, id, kind, value, false, QDateTime::currentDateTimeUtc()});
        };
        QVERIFY(save(QStringLiteral("kwl-course"), QStringLiteral("kwl"),
                     QJsonObject{{QStringLiteral("experience"), kAccents},
                                 {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), kKnow},
                                                                                 {QStringLiteral("want"), kWant + QStringLiteral("\n") + kWantMore},
                                                                                 {QStringLiteral("learned"), kLearned}}}}}));
        QVERIFY(save(QStringLiteral("reflect-expert"), QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), kEmoji}}));
        QVERIFY(save(QStringLiteral("reflect-mistake"), QStringLiteral("reflection"),
                     QJsonObject{{QStringLiteral("text"), kRtl + QStringLiteral("\n\n") + kHebrew}}));
    }

    void handBuiltDocumentHasEveryPartAndAnswer()
    {
        const QString path = m_dir.filePath(QStringLiteral("hand.docx"));
        QString error;
        QVERIFY2(DocxWorksheetWriter::write(handBuilt(false), path, QPageSize::A4, &error), qPrintable(error));
        const QMap<QString, QByteArray> files = checkPackage(path);
        QString text;
        QVERIFY(parse(files.value(QStringLiteral("word/document.xml")), &text));
        for (const QString &expected : {kAccents, kEmoji, kRtl, kHebrew, kKnow, kWant, kLearned, kCell,
                                        QStringLiteral("Workshop <&> \"notes\""), QStringLiteral("Know"), QStringLiteral("Learned"),
                                        QStringLiteral("Learner: "), QStringLiteral("Zoë 🌱")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        const QByteArray document = files.value(QStringLiteral("word/document.xml"));
        // A cell of two lines keeps both, one under the other, in the same cell.
        QCOMPARE(cellLines(document, kWant), (QStringList{kWant, kWantMore}));
        QCOMPARE(cellLines(document, kKnow), QStringList{kKnow});
        QVERIFY(document.contains("<w:tblHeader/>"));
        QVERIFY(document.contains("<w:cantSplit/>"));
        QVERIFY(document.contains("<w:bidi/>"));  // the Arabic paragraph reads right to left
        QVERIFY(document.contains("<w:numId w:val=\"1\"/>"));  // bullets
        QVERIFY(document.contains("<w:numId w:val=\"2\"/>"));  // the ordered list
        QVERIFY(document.contains("<w:hyperlink r:id="));
        QVERIFY(files.value(QStringLiteral("word/_rels/document.xml.rels")).contains("Target=\"https://example.org/guide?a=1&amp;b=2\" TargetMode=\"External\""));
        // Worksheet: the fixed cell shaded, the rating chosen, the total 2 + 3 + 4 (rating "high" is third).
        QVERIFY(text.contains(QStringLiteral("Budget")));
        QVERIFY(text.contains(QStringLiteral("medium")));
        QVERIFY(text.contains(QStringLiteral("\n9\n")));
        QVERIFY(text.contains(QStringLiteral("Added by the learner")));  // a row beyond the design
        QVERIFY(document.contains("w:fill=\"F2F2F2\""));
        QVERIFY(!text.contains(QStringLiteral("☐")));
        QVERIFY(files.value(QStringLiteral("docProps/core.xml")).contains("<dc:creator>Zoë 🌱</dc:creator>"));
        QVERIFY(files.value(QStringLiteral("docProps/core.xml")).contains("<dc:title>Connected Learning — Ça va?</dc:title>"));
        // "Page n of N" on every page; the running header from page 2 (the first has the title).
        QVERIFY(files.value(QStringLiteral("word/footer1.xml")).contains(" PAGE "));
        QVERIFY(files.value(QStringLiteral("word/footer1.xml")).contains(" NUMPAGES "));
        QString header;
        QVERIFY(parse(files.value(QStringLiteral("word/header1.xml")), &header));
        QVERIFY2(header.contains(QStringLiteral("Connected Learning — Ça va? · ")), qPrintable(header));
        QVERIFY(document.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"));
        QVERIFY(document.contains("<w:footerReference w:type=\"first\" r:id=\"rIdFooter\"/>"));
        QVERIFY(document.contains("<w:titlePg/>"));
        QVERIFY(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));  // A4 in twips
        QVERIFY(files.value(QStringLiteral("word/styles.xml")).contains("w:styleId=\"Heading3\""));
        checkReadersFind(path, {kAccents, kEmoji, kRtl, kKnow, kWant, kWantMore, kLearned, kCell});
    }

    void blankExportHasPromptsAndRoomButNoAnswers()
    {
        const QString path = m_dir.filePath(QStringLiteral("blank.docx"));
        QString error;
        QVERIFY2(DocxWorksheetWriter::write(handBuilt(true), path, QPageSize::A4, &error), qPrintable(error));
        const QMap<QString, QByteArray> files = checkPackage(path);
        QString text;
        QVERIFY(parse(files.value(QStringLiteral("word/document.xml")), &text));
        for (const QString &answer : {kAccents, kEmoji, kRtl, kKnow, kWant, kLearned, kCell, QStringLiteral("Added by the learner")})
            QVERIFY2(!text.contains(answer), qPrintable(answer));
        QVERIFY(text.contains(QStringLiteral("What went well?")));
        QVERIFY(text.contains(QStringLiteral("Budget")));  // fixed cells stay
        QVERIFY(text.contains(QStringLiteral("☐ low   ☐ medium   ☐ high")));
        const QByteArray document = files.value(QStringLiteral("word/document.xml"));
        // Nine lines in two blocks (a reflection, the KWL experience), each kept on one page:
        // every line keeps with the next but the block's last.
        QCOMPARE(document.count("<w:pStyle w:val=\"WritingLine\"/>"), 9 - 2);
        QCOMPARE(document.count("<w:pStyle w:val=\"WritingLineEnd\"/>"), 2);
        const QByteArray styles = files.value(QStringLiteral("word/styles.xml"));
        const qsizetype line = styles.indexOf("w:styleId=\"WritingLine\"");
        QVERIFY(line >= 0 && styles.indexOf("<w:keepNext/>", line) < styles.indexOf("</w:style>", line));
        QVERIFY(styles.contains("<w:keepNext w:val=\"0\"/>"));
        QVERIFY(document.contains("w:hRule=\"atLeast\""));
        QVERIFY(files.value(QStringLiteral("docProps/core.xml")).contains("<dc:creator>Zoë 🌱</dc:creator>"));
    }

    void bundledCourseWithStoredAnswers()
    {
        ExportDocument doc;
        QString error;
        QVERIFY(ExportDocument::build(m_course, &m_store, ExportScope(), false, QStringLiteral("Ana Núñez"), &doc, &error));
        const QString path = m_dir.filePath(QStringLiteral("course.docx"));
        QVERIFY2(DocxWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
        const QMap<QString, QByteArray> files = checkPackage(path);
        QString text;
        QVERIFY(parse(files.value(QStringLiteral("word/document.xml")), &text));
        for (const QString &expected : {kAccents, kEmoji, kRtl, kHebrew, kKnow, kWant, kLearned, m_course.title})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QSet<QString> modules;
        for (const ExportItem &exported : doc.items) {
            QVERIFY2(text.contains(exported.spec.title), qPrintable(exported.spec.title));
            modules.insert(exported.moduleId);
        }
        // Every module after the first starts a page, as in the PDF.
        const QByteArray document = files.value(QStringLiteral("word/document.xml"));
        QCOMPARE(document.count("<w:pStyle w:val=\"Heading1\"/>"), 1);
        QCOMPARE(document.count("<w:pStyle w:val=\"Heading1NewPage\"/>"), modules.size() - 1);
        QVERIFY(modules.size() >= 5);
        QCOMPARE(cellLines(document, kWant), (QStringList{kWant, kWantMore}));
        checkReadersFind(path, {kAccents, kEmoji, kRtl, kKnow, kWant, kWantMore, kLearned});

        ExportDocument blank;
        QVERIFY(ExportDocument::build(m_course, &m_store, ExportScope(), true, QString(), &blank, &error));
        QVERIFY2(DocxWorksheetWriter::write(blank, path, QPageSize::A4, &error), qPrintable(error));
        QString blankText;
        QVERIFY(parse(unzip(path).value(QStringLiteral("word/document.xml")), &blankText));
        for (const QString &answer : kStoredAnswers)
            QVERIFY2(!blankText.contains(answer), qPrintable(answer));
        QVERIFY(blankText.contains(QStringLiteral("Letting go of the expert role")));
        QVERIFY(blankText.contains(QStringLiteral("Leave the third column")));  // a prompt
        QVERIFY(!unzip(path).value(QStringLiteral("docProps/core.xml")).contains("dc:creator"));
    }

    void failedWriteLeavesNoFile()
    {
        QString error;
        const QString missingFolder = m_dir.filePath(QStringLiteral("missing/worksheet.docx"));
        QVERIFY(!DocxWorksheetWriter::write(handBuilt(false), missingFolder, QPageSize::A4, &error));
        QVERIFY(error.contains(missingFolder));
        QVERIFY(!QFile::exists(missingFolder));

        const QString folder = m_dir.filePath(QStringLiteral("a-folder"));
        QVERIFY(QDir().mkpath(folder));
        error.clear();
        QVERIFY(!DocxWorksheetWriter::write(handBuilt(false), folder, QPageSize::A4, &error));
        QVERIFY(error.contains(QStringLiteral("folder")));
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(QDir(folder).isEmpty());
    }

    // A full disk, as the exporter meets it: writes fail part-way (here a file size limit
    // makes them fail with EFBIG, the SIGXFSZ it would raise ignored). The export says so and
    // exits 1, and the handout already at the target is left as it was.
    void fullDiskKeepsThePreviousFile()
    {
        const QString folder = m_dir.filePath(QStringLiteral("full-disk"));
        QVERIFY(QDir().mkpath(folder));
        const QString output = folder + QStringLiteral("/handout.docx");
        QFile previous(output);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("last week's handout");
        previous.close();
        const Run run = runProgram(QStringLiteral("/bin/bash"),
                                   {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\""),
                                    QStringLiteral(COURSEBOOK_APP_PATH), QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                    QStringLiteral("--data-dir"), folder + QStringLiteral("/no-answers"), QStringLiteral("--blank"),
                                    QStringLiteral("--export"), QStringLiteral("docx"), QStringLiteral("--output"), output});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write"), Qt::CaseInsensitive), qPrintable(run.err));
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), QByteArray("last week's handout"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{QStringLiteral("handout.docx")});
    }

    // Course pictures in a prompt go into the document as pictures, with their alt text as
    // the description; one that cannot be read leaves its alt text.
    void promptPicturesAreEmbedded()
    {
        const QString root = PictureCourse::write(m_dir.path());
        const Course course = CourseLoader::load(root);
        ExportDocument doc;
        QString error;
        QVERIFY2(ExportDocument::build(course, nullptr, ExportScope(), true, QString(), &doc, &error), qPrintable(error));
        QCOMPARE(doc.items.size(), 1);
        const QString prompt = doc.items.first().spec.promptHtml;
        QVERIFY2(prompt.contains(QStringLiteral("src=\"data:image/png;base64,")), qPrintable(prompt));
        QVERIFY(prompt.contains(QStringLiteral("src=\"data:image/svg+xml;base64,")));
        QVERIFY(prompt.contains(QStringLiteral("Image not found: A lost picture")));  // the renderer's placeholder
        QVERIFY(!prompt.contains(QStringLiteral("course://coursebook/file")));  // nothing left to fetch

        // In process, without a QGuiApplication, the SVG cannot be drawn: its alt text stands in.
        const QString path = m_dir.filePath(QStringLiteral("pictures.docx"));
        QVERIFY2(DocxWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
        QMap<QString, QByteArray> files = checkPackage(path);
        QCOMPARE(QImage::fromData(files.value(QStringLiteral("word/media/image1.png"))).size(), QSize(120, 60));
        QVERIFY(files.value(QStringLiteral("word/document.xml")).contains("descr=\"A red box, twice as wide as tall\""));
        QVERIFY(files.value(QStringLiteral("word/document.xml")).contains("<wp:extent cx=\"1143000\" cy=\"571500\"/>"));  // 120 x 60 px at 96 dpi
        QVERIFY(files.value(QStringLiteral("word/_rels/document.xml.rels")).contains("Target=\"media/image1.png\""));
        QString text;
        QVERIFY(parse(files.value(QStringLiteral("word/document.xml")), &text));
        QVERIFY(text.contains(QStringLiteral("[Image: A blue circle]")));

        // The command line has a GUI application: the SVG becomes a picture too, drawn at twice its size.
        const QString output = m_dir.filePath(QStringLiteral("pictures-cli.docx"));
        const Run run = runProgram(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), root, QStringLiteral("--blank"),
                                   QStringLiteral("--export"), QStringLiteral("docx"), QStringLiteral("--output"), output});
        QCOMPARE(run.exitCode, 0);
        files = checkPackage(output);
        QCOMPARE(QImage::fromData(files.value(QStringLiteral("word/media/image2.png"))).size(), QSize(200, 200));
        QVERIFY(files.value(QStringLiteral("word/document.xml")).contains("descr=\"A blue circle\""));
    }

    void commandLineWritesDocx()
    {
        const QString output = m_dir.filePath(QStringLiteral("cli.docx"));
        const Run run = runProgram(QStringLiteral(COURSEBOOK_APP_PATH),
                                   {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                    m_dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), QStringLiteral("docx"),
                                    QStringLiteral("--scope"), QStringLiteral("module:getting-started"), QStringLiteral("--learner"),
                                    QStringLiteral("Ana Núñez"), QStringLiteral("--page-size"), QStringLiteral("Letter"),
                                    QStringLiteral("--output"), output});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("wrote %1 (4 activities)\n").arg(output));
        const QMap<QString, QByteArray> files = checkPackage(output);
        QString text;
        QVERIFY(parse(files.value(QStringLiteral("word/document.xml")), &text));
        QVERIFY(text.contains(kEmoji));
        QVERIFY(files.value(QStringLiteral("docProps/core.xml")).contains("<dc:creator>Ana Núñez</dc:creator>"));
        QVERIFY(files.value(QStringLiteral("word/document.xml")).contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));  // US Letter
    }

    // A handout printed by someone who has answered: the blank export comes from the same
    // store as the filled one, and real readers find none of the answers in it.
    void commandLineBlankLeavesStoredAnswersOut()
    {
        const auto exportWorkbook = [this](const QString &name, const QStringList &extra) {
            const QString output = m_dir.filePath(name);
            const Run run = runProgram(QStringLiteral(COURSEBOOK_APP_PATH),
                                       QStringList{QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                                   m_dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), QStringLiteral("docx"),
                                                   QStringLiteral("--output"), output} + extra);
            return run.exitCode == 0 ? output : QString();
        };
        const QString filled = exportWorkbook(QStringLiteral("cli-filled.docx"), {});
        QVERIFY(!filled.isEmpty());
        checkReadersFind(filled, kStoredAnswers);  // the store has them: the blank export must leave them out
        const QString blank = exportWorkbook(QStringLiteral("cli-blank.docx"), {QStringLiteral("--blank")});
        QVERIFY(!blank.isEmpty());
        QString text;
        QVERIFY(parse(checkPackage(blank).value(QStringLiteral("word/document.xml")), &text));
        QVERIFY(text.contains(QStringLiteral("Leave the third column")));  // prompts stay
        QStringList outputs{text};
        readersText(blank, &outputs);
        for (const QString &output : std::as_const(outputs)) {
            for (const QString &answer : kStoredAnswers)
                QVERIFY2(!output.contains(answer), qPrintable(answer + QStringLiteral(" in the blank export:\n") + output));
        }
    }

    void commandLineErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString missing = QDir::tempPath() + QStringLiteral("/coursebook-no-such-folder/x.docx");
        QTest::newRow("bad scope") << QStringList{"--export", "docx", "--scope", "chapter:1", "--output", "OUT"} << "unknown scope";
        QTest::newRow("unknown page") << QStringList{"--export", "docx", "--scope", "page:nope/none", "--output", "OUT"} << "nope/none";
        QTest::newRow("unwritable output") << QStringList{"--export", "docx", "--output", missing} << "Cannot write " + missing + ": ";
        QTest::newRow("unknown format") << QStringList{"--export", "odt", "--output", "OUT"} << "unknown export format";
        QTest::newRow("no output") << QStringList{"--export", "docx"} << "--output";
    }
    void commandLineErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString output = m_dir.filePath(QStringLiteral("error.docx"));
        arguments.replaceInStrings(QStringLiteral("OUT"), output);
        const QString dataDir = m_dir.filePath(QStringLiteral("cli-data"));
        const Run run = runProgram(QStringLiteral(COURSEBOOK_APP_PATH),
                                   QStringList{QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                               QStringLiteral("--data-dir"), dataDir} + arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(output));
        QVERIFY(!QFile::exists(QDir::tempPath() + QStringLiteral("/coursebook-no-such-folder")));
        QVERIFY(!QFile::exists(dataDir));  // exporting never creates an answer store
    }

private:
    // Every part well-formed, listed in [Content_Types].xml, and every relationship target present.
    QMap<QString, QByteArray> checkPackage(const QString &path)
    {
        const QMap<QString, QByteArray> files = unzip(path);
        [&] {
            const QStringList expected = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                          "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml",
                                          "docProps/app.xml"};
            for (const QString &part : expected)
                QVERIFY2(files.contains(part), qPrintable(part));
            const QByteArray types = files.value(QStringLiteral("[Content_Types].xml"));
            for (auto it = files.cbegin(); it != files.cend(); ++it) {
                const QString extension = QFileInfo(it.key()).suffix();
                if (it.key().startsWith(QLatin1String("word/media/"))) {  // pictures: typed by their extension
                    QVERIFY2(types.contains(("Extension=\"" + extension + "\"").toUtf8()), qPrintable(it.key()));
                    QVERIFY2(!QImage::fromData(it.value()).isNull(), qPrintable(it.key()));
                    continue;
                }
                QString problem;
                QVERIFY2(parse(it.value(), nullptr, &problem), qPrintable(it.key() + QStringLiteral(": ") + problem));
                if (it.key() == QLatin1String("[Content_Types].xml"))
                    continue;
                QVERIFY2(types.contains(("PartName=\"/" + it.key() + "\"").toUtf8())
                             || types.contains(("Extension=\"" + extension + "\"").toUtf8()),
                         qPrintable(it.key()));
                QVERIFY2(it.key().endsWith(QLatin1String(".rels")) || types.contains(("PartName=\"/" + it.key() + "\"").toUtf8()),
                         qPrintable(it.key()));
            }
            for (const QString &target : internalTargets(files.value(QStringLiteral("_rels/.rels"))))
                QVERIFY2(files.contains(target), qPrintable(target));
            for (const QString &target : internalTargets(files.value(QStringLiteral("word/_rels/document.xml.rels"))))
                QVERIFY2(files.contains(QStringLiteral("word/") + target), qPrintable(target));
        }();
        return files;
    }

    // What pandoc and python-docx, when installed, read in the document (tables included).
    void readersText(const QString &path, QStringList *outputs)
    {
        if (const QString pandoc = QStandardPaths::findExecutable(QStringLiteral("pandoc")); !pandoc.isEmpty()) {
            const Run run = runProgram(pandoc, {QStringLiteral("-t"), QStringLiteral("plain"), QStringLiteral("--wrap=none"), path});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            *outputs << run.out;
        } else {
            qInfo("pandoc not installed: skipped");
        }
        const QString python = QStringLiteral("/usr/bin/python3");
        if (QFileInfo::exists(python) && runProgram(python, {QStringLiteral("-c"), QStringLiteral("import docx")}).exitCode == 0) {
            const Run run = runProgram(python, {QStringLiteral("-c"),
                                                QStringLiteral("import docx,sys; d=docx.Document(sys.argv[1]); "
                                                               "print('\\n'.join(p.text for p in d.paragraphs)); "
                                                               "[print(c.text) for t in d.tables for r in t.rows for c in r.cells]"),
                                                path});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            *outputs << run.out;
        } else {
            qInfo("python3-docx not installed: skipped");
        }
    }

    // pandoc and python-docx, when installed, read back every expected text.
    void checkReadersFind(const QString &path, const QStringList &expected)
    {
        QStringList outputs;
        readersText(path, &outputs);
        for (const QString &output : std::as_const(outputs)) {
            for (const QString &text : expected)
                QVERIFY2(output.contains(text), qPrintable(text + QStringLiteral(" missing from\n") + output));
        }
    }

    ExportDocument handBuilt(bool blank) const
    {
        ExportDocument doc;
        doc.courseTitle = QStringLiteral("Connected Learning — Ça va?");
        doc.learner = QStringLiteral("Zoë 🌱");
        doc.scopeTitle = QStringLiteral("Whole workbook");
        doc.date = QDate(2024, 5, 1);
        doc.blank = blank;
        const auto answer = [blank](const QJsonObject &value) { return blank ? std::nullopt : std::optional(value); };

        doc.items << item(QStringLiteral("Module one"), QStringLiteral("Page A"),
                          spec(QStringLiteral("r1"), ActivitySpec::Kind::Reflection, QStringLiteral("What went well?"),
                               QStringLiteral("<p>Think <strong>twice</strong>, <em>then</em> read "
                                              "<a href=\"https://example.org/guide?a=1&amp;b=2\">the guide</a>.<br>New line.</p>"
                                              "<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul><ol><li>first</li><li>second</li></ol>")),
                          answer(QJsonObject{{QStringLiteral("text"), kAccents + QStringLiteral("\n") + kEmoji + QStringLiteral("\n\n") + kRtl
                                                                          + QStringLiteral("\n") + kHebrew}}));
        doc.items << item(QStringLiteral("Module one"), QStringLiteral("Page A"),
                          spec(QStringLiteral("k1"), ActivitySpec::Kind::Kwl, QStringLiteral("KWL"), QStringLiteral("<p>Fill it in.</p>")),
                          answer(QJsonObject{{QStringLiteral("experience"), QStringLiteral("Workshop <&> \"notes\"")},
                                             {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), kKnow},
                                                                                             {QStringLiteral("want"), kWant + QStringLiteral("\n") + kWantMore},
                                                                                             {QStringLiteral("learned"), kLearned}}}}}));
        ActivitySpec sheet = spec(QStringLiteral("w1"), ActivitySpec::Kind::Worksheet, QStringLiteral("Plan"), QStringLiteral("<p>Plan it.</p>"));
        using Cell = WorksheetCell;
        sheet.columns = {QStringLiteral("Item"), QStringLiteral("Who"), QStringLiteral("Cost"), QStringLiteral("Priority")};
        const QStringList choices = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
        sheet.rows = {
            {Cell{Cell::Type::Fixed, QStringLiteral("Budget"), {}}, Cell{Cell::Type::Editable, {}, {}}, Cell{Cell::Type::Editable, {}, {}},
             Cell{Cell::Type::Rating, {}, choices}},
            {Cell{Cell::Type::Fixed, QStringLiteral("Space"), {}}, Cell{Cell::Type::Editable, {}, {}}, Cell{Cell::Type::Editable, {}, {}},
             Cell{Cell::Type::Rating, {}, choices}},
            {Cell{Cell::Type::Fixed, QStringLiteral("Total"), {}}, Cell{Cell::Type::Fixed, {}, {}}, Cell{Cell::Type::Total, {}, {}},
             Cell{Cell::Type::Total, {}, {}}},
        };
        const QJsonValue null;
        doc.items << item(QStringLiteral("Module two"), QStringLiteral("Page B"), sheet,
                          answer(QJsonObject{{QStringLiteral("cells"),
                                              QJsonArray{QJsonArray{null, kCell, QStringLiteral("2"), QStringLiteral("medium")},
                                                         QJsonArray{null, QStringLiteral("Rami"), 3, QStringLiteral("high")},
                                                         QJsonArray{QStringLiteral("Added by the learner"), QStringLiteral("Ω"),
                                                                    QStringLiteral("4"), QStringLiteral("low")},
                                                         QJsonArray{null, null, null, null}}}}));
        return doc;
    }

    QTemporaryDir m_dir;
    Course m_course;
    AnswerStore m_store;
};

QTEST_GUILESS_MAIN(TestDocxExport)
#include "tst_docx_export.moc"
