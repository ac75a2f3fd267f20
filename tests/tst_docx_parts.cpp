#include "DocxBodyWriter.h"
#include "DocxDocumentPart.h"
#include "DocxPackageParts.h"
#include "DocxPromptConverter.h"
#include "DocxStyleParts.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"

#include <QBuffer>
#include <QImage>
#include <QMap>
#include <QTest>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <functional>

namespace {

// The WordprocessingML a body writer writes, and the links and pictures it collected.
QByteArray bodyXml(const std::function<void(DocxBodyWriter &)> &write, DocxReferences *references = nullptr)
{
    QByteArray bytes;
    {
        QXmlStreamWriter x(&bytes);
        DocxBodyWriter body(x);
        write(body);
        if (references)
            *references = body.references();
    }
    return bytes;
}

QByteArray paragraphsXml(const QVector<DocxParagraph> &paragraphs, DocxReferences *references = nullptr)
{
    return bodyXml([&](DocxBodyWriter &body) {
        for (const DocxParagraph &paragraph : paragraphs)
            body.paragraph(paragraph);
    }, references);
}

QString pngDataUrl(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

ExportItem activity(ActivitySpec::Kind kind, const QString &title, const QString &promptHtml)
{
    ExportItem item;
    item.moduleTitle = QStringLiteral("Module");
    item.pageTitle = QStringLiteral("Page");
    item.spec.kind = kind;
    item.spec.title = title;
    item.spec.promptHtml = promptHtml;
    return item;
}

// Each style's paragraph properties (w:pPr) as written, by style id.
QMap<QString, QString> paragraphPropertiesByStyle(const QByteArray &styles)
{
    QMap<QString, QString> properties;
    QXmlStreamReader reader(styles);
    QString style;
    bool inParagraphProperties = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.qualifiedName() == QLatin1String("w:style")) {
            style = reader.attributes().value(QStringLiteral("w:styleId")).toString();
            properties[style];
        } else if (reader.qualifiedName() == QLatin1String("w:pPr")) {
            inParagraphProperties = reader.isStartElement();
        } else if (reader.isStartElement() && inParagraphProperties) {
            const QString value = reader.attributes().value(QStringLiteral("w:val")).toString();
            properties[style] += QLatin1Char('<') + reader.qualifiedName().toString() + (value.isEmpty() ? QString() : QLatin1Char('=') + value)
                               + QLatin1Char('>');
        }
    }
    return properties;
}

}  // namespace

// The DOCX export's pieces, each on its own: prompt conversion, body XML, the fixed parts
// and the package's part list, without writing or unzipping a file.
class TestDocxParts : public QObject
{
    Q_OBJECT
private slots:
    void promptBecomesListsLinksAndLines()
    {
        DocxPromptConverter converter;
        const QVector<DocxParagraph> paragraphs = converter.paragraphs(QStringLiteral(
            "<p>Read <strong>this</strong>   and <a href=\"https://example.org/g?a=1&amp;b=2\">the <em>guide</em></a>"
            " or <a href=\"course://coursebook/page/x\">that page</a>.</p>"
            "<ol><li>First<ul><li>nested</li></ul></li><li>Second</li></ol>"
            "<table><tr><td>one<br>two</td><td>three</td></tr></table>"
            "<script>never()</script>"));
        QCOMPARE(paragraphs.size(), 5);
        QCOMPARE(converter.orderedLists(), 1);

        QStringList texts;
        for (const DocxRun &run : paragraphs[0].runs)
            texts << run.text;
        // White space collapses; the course-internal link is plain text.
        QCOMPARE(texts, (QStringList{"Read ", "this", " and ", "the ", "guide", " or ", "that page", "."}));
        QVERIFY(paragraphs[0].runs[1].bold);
        QCOMPARE(paragraphs[0].runs[3].href, QStringLiteral("https://example.org/g?a=1&b=2"));
        QVERIFY(paragraphs[0].runs[4].italic);
        QVERIFY(paragraphs[0].runs[6].href.isEmpty());

        // The ordered list has its own number, the nested bullets the shared one a level down.
        QCOMPARE(paragraphs[1].numId, DocxParagraph::kFirstOrderedList);
        QCOMPARE(paragraphs[1].level, 0);
        QCOMPARE(paragraphs[2].numId, DocxParagraph::kBulletList);
        QCOMPARE(paragraphs[2].level, 1);
        QCOMPARE(paragraphs[3].numId, DocxParagraph::kFirstOrderedList);

        DocxReferences references;
        const QByteArray xml = paragraphsXml(paragraphs, &references);
        // Both runs of the link share one w:hyperlink, its relationship the first link's.
        QVERIFY2(xml.contains("<w:hyperlink r:id=\"rIdLink1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"
                              "<w:t xml:space=\"preserve\">the </w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:i/></w:rPr>"
                              "<w:t xml:space=\"preserve\">guide</w:t></w:r></w:hyperlink>"),
                 xml.constData());
        QCOMPARE(references.links, QStringList{QStringLiteral("https://example.org/g?a=1&b=2")});
        QVERIFY(xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">this</w:t></w:r>"));
        QVERIFY(xml.contains("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"
                             "<w:r><w:t xml:space=\"preserve\">First</w:t></w:r></w:p>"));
        QVERIFY(xml.contains("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>"));
        // A cell of two lines: one paragraph, a line break between them, the next cell after a space.
        QVERIFY2(xml.contains("<w:p><w:r><w:t xml:space=\"preserve\">one</w:t></w:r><w:r><w:br/></w:r>"
                              "<w:r><w:t xml:space=\"preserve\">two</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                              "<w:r><w:t xml:space=\"preserve\">three</w:t></w:r></w:p>"),
                 xml.constData());
        QVERIFY(!xml.contains("never"));
    }

    // A {% highlight %} block in a prompt: its label, then the code in a monospaced font,
    // line for line with its indentation, its markup as text.
    void codeBlockKeepsItsLinesInAMonospacedFont()
    {
        DocxPromptConverter converter;
        const QVector<DocxParagraph> paragraphs = converter.paragraphs(QStringLiteral(
            "<p>Copy this:</p><div class=\"code-block\"><div class=\"code-language\">YAML</div>"
            "<pre><code class=\"language-yaml\">modules:\n  - soil\n\n  - &lt;b&gt;seeds&lt;/b&gt;</code></pre></div>"));
        QCOMPARE(paragraphs.size(), 3);
        QCOMPARE(paragraphs[1].runs.size(), 1);
        QCOMPARE(paragraphs[1].runs[0].text, QStringLiteral("YAML"));
        QStringList lines{QString()};
        for (const DocxRun &run : paragraphs[2].runs) {
            QVERIFY2(run.code, qPrintable(run.text));
            if (run.lineBreak)
                lines << QString();
            else
                lines.last() += run.text;
        }
        QCOMPARE(lines, (QStringList{"modules:", "  - soil", "", "  - <b>seeds</b>"}));
        QVERIFY(paragraphsXml({paragraphs[2]}).contains("<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>"));
    }

    void laterParagraphOfItemIsIndentedWithoutMarker()
    {
        DocxPromptConverter converter;
        const QVector<DocxParagraph> paragraphs =
            converter.paragraphs(QStringLiteral("<ul><li><p>Marked</p><p>Indented</p></li></ul><p>After</p>"));
        QCOMPARE(paragraphs.size(), 3);
        QCOMPARE(paragraphs[0].numId, DocxParagraph::kBulletList);
        QCOMPARE(paragraphs[1].numId, 0);
        QCOMPARE(paragraphs[1].indent, 1);
        QCOMPARE(paragraphs[2].indent, 0);
        QVERIFY(paragraphsXml({paragraphs[1]}).contains("<w:ind w:left=\"720\"/>"));
    }

    void orderedListsCountAcrossPrompts()
    {
        DocxPromptConverter converter;
        converter.paragraphs(QStringLiteral("<ol><li>a</li></ol><ol><li>b</li></ol>"));
        const QVector<DocxParagraph> second = converter.paragraphs(QStringLiteral("<ol><li>c</li></ol>"));
        QCOMPARE(second.first().numId, DocxParagraph::kFirstOrderedList + 2);  // restarts at 1 under its own number
        QCOMPARE(converter.orderedLists(), 3);
        // numbering.xml defines bullets and one restarting number per ordered list.
        const QByteArray numbering = DocxStyleParts::numbering(converter.orderedLists());
        QCOMPARE(numbering.count("<w:num w:numId="), 4);
        QCOMPARE(numbering.count("<w:startOverride w:val=\"1\"/>"), 3);
        QVERIFY(numbering.contains("<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"));
    }

    void picturesAreEmbeddedNoWiderThanTheColumn()
    {
        DocxPromptConverter converter;
        const QVector<DocxParagraph> paragraphs = converter.paragraphs(
            QStringLiteral("<p><img src=\"%1\" alt=\"A red bar\"> <img src=\"data:image/png;base64,bm90IGEgcGljdHVyZQ==\" alt=\"Broken\"></p>")
                .arg(pngDataUrl(900, 40)));
        QCOMPARE(paragraphs.size(), 1);
        QVERIFY(paragraphs[0].runs[0].picture);
        QCOMPARE(paragraphs[0].runs[0].picture->pixels, QSize(900, 40));
        QCOMPARE(paragraphs[0].runs[0].picture->extension, QStringLiteral("png"));
        QCOMPARE(paragraphs[0].runs.last().text, QStringLiteral("[Image: Broken]"));

        DocxReferences references;
        const QByteArray xml = paragraphsXml(paragraphs, &references);
        QCOMPARE(references.pictures.size(), 1);
        QCOMPARE(references.pictureFileName(0), QStringLiteral("media/image1.png"));
        // 900 px at 96 dpi is wider than 6 inches: scaled to 6 in (5486400 EMU), height alike.
        QVERIFY2(xml.contains("<wp:extent cx=\"5486400\" cy=\"243840\"/>"), xml.constData());
        QVERIFY(xml.contains("<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"A red bar\"/>"));
        QVERIFY(xml.contains("<a:blip r:embed=\"rIdImage1\"/>"));
        QVERIFY(DocxPackageParts::documentRelationships(references)
                    .contains("<Relationship Id=\"rIdImage1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
                              " Target=\"media/image1.png\"/>"));
    }

    void learnerTextIsALineAParagraphOrRuledLines()
    {
        const QByteArray written = bodyXml([](DocxBodyWriter &body) { body.learnerText(QStringLiteral("  first \r\n\r\nsecond"), 4); });
        QCOMPARE(written.count("<w:p>"), 2);
        QVERIFY(written.contains("<w:t xml:space=\"preserve\">first</w:t>"));
        const QByteArray blank = bodyXml([](DocxBodyWriter &body) { body.learnerText(QStringLiteral(" \n "), 4); });
        // The lines keep together: each keeps with the next (the style does) but the last.
        QCOMPARE(blank.count("<w:pStyle w:val=\"WritingLine\"/>"), 3);
        QCOMPARE(blank.count("<w:pStyle w:val=\"WritingLineEnd\"/>"), 1);
        QVERIFY(blank.endsWith("<w:p><w:pPr><w:pStyle w:val=\"WritingLineEnd\"/></w:pPr></w:p>"));
    }

    void tableRowsKeepTogetherAndHeadersRepeat()
    {
        const QByteArray xml = bodyXml([](DocxBodyWriter &body) {
            body.startTable(2);
            body.headerRow({QStringLiteral("Know"), QStringLiteral("Learned")});
            body.tableRow({DocxBodyWriter::Cell{QStringLiteral("a\nb")}, DocxBodyWriter::Cell{QString(), false, true}}, 680);
            body.endTable();
        });
        QCOMPARE(xml.count("<w:gridCol w:w=\"4819\"/>"), 2);
        QCOMPARE(xml.count("<w:cantSplit/>"), 2);
        QCOMPARE(xml.count("<w:tblHeader/>"), 1);
        QVERIFY(xml.contains("<w:trHeight w:val=\"680\" w:hRule=\"atLeast\"/>"));
        QCOMPARE(xml.count("<w:pStyle w:val=\"TableHeading\"/>"), 2);
        QVERIFY(xml.contains("w:fill=\"D9E2F3\""));
        QVERIFY(xml.contains("w:fill=\"F2F2F2\""));
        // Two lines of a cell: two paragraphs in it; an empty cell still holds one.
        QVERIFY(xml.contains("<w:t xml:space=\"preserve\">a</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>"
                             "<w:r><w:t xml:space=\"preserve\">b</w:t></w:r></w:p></w:tc>"));
        QVERIFY(xml.contains("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>"));
        QVERIFY(xml.endsWith("</w:tr></w:tbl>"));
    }

    void headingsAndTitlesKeepWithWhatFollows()
    {
        const QMap<QString, QString> styles = paragraphPropertiesByStyle(DocxStyleParts::styles());
        for (const char *keeps : {"Heading1", "Heading2", "Heading3", "Label", "WritingLine", "TableHeading"})
            QVERIFY2(styles.value(QLatin1String(keeps)).startsWith(QLatin1String("<w:keepNext>")), keeps);
        QVERIFY(styles.value(QStringLiteral("WritingLineEnd")).contains(QLatin1String("<w:keepNext=0>")));
        QVERIFY(styles.value(QStringLiteral("Heading1NewPage")).contains(QLatin1String("<w:pageBreakBefore>")));
        for (const char *flows : {"Normal", "TableText", "Title", "Header", "Footer"})
            QVERIFY2(!styles.value(QLatin1String(flows)).contains(QLatin1String("keepNext")), flows);
        QVERIFY(styles.contains(QStringLiteral("Hyperlink")));
        QVERIFY(styles.contains(QStringLiteral("WorksheetTable")));
    }

    void documentPartWritesPromptsAnswersAndPageSetup()
    {
        ExportDocument doc;
        doc.courseTitle = QStringLiteral("Course");
        doc.scopeTitle = QStringLiteral("Whole workbook");
        doc.blank = true;
        doc.items << activity(ActivitySpec::Kind::Reflection, QStringLiteral("Think"), QStringLiteral("<p>One</p><p>Two</p>"))
                  << activity(ActivitySpec::Kind::Kwl, QString(), QStringLiteral("<ol><li>Listed</li></ol>"));
        DocxReferences references;
        const QByteArray xml = DocxDocumentPart::xml(doc, QPageSize::Letter, &references);
        QCOMPARE(references.orderedLists, 1);
        QVERIFY(references.links.isEmpty());
        // The prompt's last paragraph keeps with the answer; the first does not need to.
        QVERIFY(xml.contains("<w:p><w:r><w:t xml:space=\"preserve\">One</w:t></w:r></w:p>"));
        QVERIFY(xml.contains("<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">Two</w:t></w:r></w:p>"));
        QVERIFY(xml.contains("<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>"));
        // Blank: six ruled lines for the reflection, three and five tall empty rows for the KWL.
        QCOMPARE(xml.count("<w:pStyle w:val=\"WritingLineEnd\"/>"), 2);
        QCOMPARE(xml.count("<w:pStyle w:val=\"WritingLine\"/>"), 5 + 2);
        QCOMPARE(xml.count("<w:trHeight w:val=\"1440\" w:hRule=\"atLeast\"/>"), 5);
        QCOMPARE(xml.count("<w:pStyle w:val=\"Heading1\"/>"), 1);  // one module: no page break before it
        QVERIFY(xml.contains("<w:t xml:space=\"preserve\">kwl</w:t>"));  // an untitled activity is named by its kind
        QVERIFY(xml.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));  // Letter in twips
    }

    void packageListsEveryPartAndPicture()
    {
        ExportDocument doc;
        doc.courseTitle = QStringLiteral("Course");
        doc.items << activity(ActivitySpec::Kind::Response, QStringLiteral("Look"),
                              QStringLiteral("<p><img src=\"%1\" alt=\"dot\"></p>").arg(pngDataUrl(4, 4)));
        const DocxPackage package = DocxWorksheetWriter::package(doc, QPageSize::A4);
        const QStringList names = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                                   "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml",
                                   "docProps/core.xml", "docProps/app.xml", "word/media/image1.png"};
        QCOMPARE(package.partNames(), names);
        // The zip holds them in that order (local headers name each part in the clear).
        QByteArray zipped;
        QString error;
        QVERIFY2(package.toZip(&zipped, &error), qPrintable(error));
        QVERIFY(zipped.startsWith("PK\x03\x04"));
        qsizetype at = 0;
        for (const QString &name : names) {
            at = zipped.indexOf(name.toUtf8(), at);
            QVERIFY2(at > 0, qPrintable(name));
        }
        // Every part a relationship or content type names is in the package.
        const QByteArray types = DocxPackageParts::contentTypes();
        for (const QString &name : names.mid(2, 8))
            QVERIFY2(types.contains("PartName=\"/" + name.toUtf8() + '"') || name.contains(QLatin1String("_rels")), qPrintable(name));
        QVERIFY(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    }
};

QTEST_MAIN(TestDocxParts)
#include "tst_docx_parts.moc"
