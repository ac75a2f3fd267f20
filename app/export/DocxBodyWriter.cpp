#include "DocxBodyWriter.h"

#include "DocxXml.h"

#include <QXmlStreamWriter>

#include <algorithm>

namespace {

constexpr int kTextWidth = 9638;  // A4 less 2 cm margins, in twentieths of a point
const QString kHeaderShading = QStringLiteral("D9E2F3");
const QString kFixedShading = QStringLiteral("F2F2F2");

// Lines of learner text: one paragraph each; blank lines only separate.
QStringList textLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines;
}

void writeRunProperties(QXmlStreamWriter &x, const DocxRun &run)
{
    if (!run.bold && !run.italic && !run.code && run.href.isEmpty())
        return;
    x.writeStartElement(QStringLiteral("w:rPr"));
    if (!run.href.isEmpty()) {
        x.writeEmptyElement(QStringLiteral("w:rStyle"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("Hyperlink"));
    }
    if (run.code) {
        x.writeEmptyElement(QStringLiteral("w:rFonts"));
        x.writeAttribute(QStringLiteral("w:ascii"), QStringLiteral("Courier New"));
        x.writeAttribute(QStringLiteral("w:hAnsi"), QStringLiteral("Courier New"));
    }
    if (run.bold)
        x.writeEmptyElement(QStringLiteral("w:b"));
    if (run.italic)
        x.writeEmptyElement(QStringLiteral("w:i"));
    x.writeEndElement();
}

bool isRightToLeft(const QVector<DocxRun> &runs)
{
    QString text;
    for (const DocxRun &run : runs)
        text += run.text;
    return text.isRightToLeft();
}

}  // namespace

void DocxBodyWriter::run(const DocxRun &run)
{
    m_x.writeStartElement(QStringLiteral("w:r"));
    writeRunProperties(m_x, run);
    if (run.lineBreak) {
        m_x.writeEmptyElement(QStringLiteral("w:br"));
    } else {
        m_x.writeStartElement(QStringLiteral("w:t"));
        m_x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
        m_x.writeCharacters(run.text);
        m_x.writeEndElement();
    }
    m_x.writeEndElement();
}

// An inline picture, no wider than the text column.
void DocxBodyWriter::picture(const std::shared_ptr<const DocxPicture> &picture)
{
    using DocxXml::emptyElement;
    m_references.pictures.append(picture);
    const qsizetype index = m_references.pictures.size() - 1;
    constexpr qint64 emuPerPixel = 9525;  // 914400 an inch at 96 pixels an inch
    constexpr qint64 maxWidth = 6 * 914400;
    qint64 width = picture->pixels.width() * emuPerPixel;
    qint64 height = picture->pixels.height() * emuPerPixel;
    if (width > maxWidth) {
        height = height * maxWidth / width;
        width = maxWidth;
    }
    const QString cx = QString::number(width), cy = QString::number(height), id = QString::number(index + 1);
    const QString name = QStringLiteral("Picture %1").arg(id);
    const QString drawing = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/main");
    const QString pictureNs = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/picture");
    QXmlStreamWriter &x = m_x;
    x.writeStartElement(QStringLiteral("w:r"));
    x.writeStartElement(QStringLiteral("w:drawing"));
    x.writeStartElement(QStringLiteral("wp:inline"));
    for (const char *distance : {"distT", "distB", "distL", "distR"})
        x.writeAttribute(QLatin1String(distance), QStringLiteral("0"));
    emptyElement(x, QStringLiteral("wp:extent"), {{QStringLiteral("cx"), cx}, {QStringLiteral("cy"), cy}});
    emptyElement(x, QStringLiteral("wp:docPr"), {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("descr"), picture->alt}});
    x.writeStartElement(QStringLiteral("a:graphic"));
    x.writeAttribute(QStringLiteral("xmlns:a"), drawing);
    x.writeStartElement(QStringLiteral("a:graphicData"));
    x.writeAttribute(QStringLiteral("uri"), pictureNs);
    x.writeStartElement(QStringLiteral("pic:pic"));
    x.writeAttribute(QStringLiteral("xmlns:pic"), pictureNs);
    x.writeStartElement(QStringLiteral("pic:nvPicPr"));
    emptyElement(x, QStringLiteral("pic:cNvPr"), {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("descr"), picture->alt}});
    x.writeEmptyElement(QStringLiteral("pic:cNvPicPr"));
    x.writeEndElement();  // pic:nvPicPr
    x.writeStartElement(QStringLiteral("pic:blipFill"));
    emptyElement(x, QStringLiteral("a:blip"), {{QStringLiteral("r:embed"), DocxReferences::pictureId(index)}});
    x.writeStartElement(QStringLiteral("a:stretch"));
    x.writeEmptyElement(QStringLiteral("a:fillRect"));
    x.writeEndElement();
    x.writeEndElement();  // pic:blipFill
    x.writeStartElement(QStringLiteral("pic:spPr"));
    x.writeStartElement(QStringLiteral("a:xfrm"));
    emptyElement(x, QStringLiteral("a:off"), {{QStringLiteral("x"), QStringLiteral("0")}, {QStringLiteral("y"), QStringLiteral("0")}});
    emptyElement(x, QStringLiteral("a:ext"), {{QStringLiteral("cx"), cx}, {QStringLiteral("cy"), cy}});
    x.writeEndElement();  // a:xfrm
    x.writeStartElement(QStringLiteral("a:prstGeom"));
    x.writeAttribute(QStringLiteral("prst"), QStringLiteral("rect"));
    x.writeEmptyElement(QStringLiteral("a:avLst"));
    x.writeEndElement();
    x.writeEndElement();  // pic:spPr
    x.writeEndElement();  // pic:pic
    x.writeEndElement();  // a:graphicData
    x.writeEndElement();  // a:graphic
    x.writeEndElement();  // wp:inline
    x.writeEndElement();  // w:drawing
    x.writeEndElement();  // w:r
}

void DocxBodyWriter::runs(const QVector<DocxRun> &runs)
{
    for (qsizetype i = 0; i < runs.size();) {
        if (runs[i].picture) {
            picture(runs[i++].picture);
            continue;
        }
        if (runs[i].href.isEmpty()) {
            run(runs[i++]);
            continue;
        }
        // Consecutive runs of one link share one w:hyperlink.
        const QString href = runs[i].href;
        qsizetype index = m_references.links.indexOf(href);
        if (index < 0) {
            m_references.links.append(href);
            index = m_references.links.size() - 1;
        }
        m_x.writeStartElement(QStringLiteral("w:hyperlink"));
        m_x.writeAttribute(QStringLiteral("r:id"), DocxReferences::linkId(index));
        while (i < runs.size() && runs[i].href == href)
            run(runs[i++]);
        m_x.writeEndElement();
    }
}

void DocxBodyWriter::paragraphProperties(const DocxParagraph &paragraph, bool rightToLeft)
{
    if (paragraph.style.isEmpty() && paragraph.numId == 0 && paragraph.indent == 0 && !paragraph.keepNext && !rightToLeft)
        return;
    m_x.writeStartElement(QStringLiteral("w:pPr"));
    if (!paragraph.style.isEmpty()) {
        m_x.writeEmptyElement(QStringLiteral("w:pStyle"));
        m_x.writeAttribute(QStringLiteral("w:val"), paragraph.style);
    }
    if (paragraph.keepNext)
        m_x.writeEmptyElement(QStringLiteral("w:keepNext"));
    if (paragraph.numId != 0) {
        m_x.writeStartElement(QStringLiteral("w:numPr"));
        m_x.writeEmptyElement(QStringLiteral("w:ilvl"));
        m_x.writeAttribute(QStringLiteral("w:val"), QString::number(paragraph.level));
        m_x.writeEmptyElement(QStringLiteral("w:numId"));
        m_x.writeAttribute(QStringLiteral("w:val"), QString::number(paragraph.numId));
        m_x.writeEndElement();
    }
    if (rightToLeft)
        m_x.writeEmptyElement(QStringLiteral("w:bidi"));
    if (paragraph.indent > 0) {
        m_x.writeEmptyElement(QStringLiteral("w:ind"));
        m_x.writeAttribute(QStringLiteral("w:left"), QString::number(720 * std::min(paragraph.indent, DocxParagraph::kMaxListLevel + 1)));
    }
    m_x.writeEndElement();
}

void DocxBodyWriter::paragraph(const DocxParagraph &paragraph)
{
    m_x.writeStartElement(QStringLiteral("w:p"));
    paragraphProperties(paragraph, isRightToLeft(paragraph.runs));
    runs(paragraph.runs);
    m_x.writeEndElement();
}

void DocxBodyWriter::textParagraph(const QString &style, const QString &text, bool bold)
{
    DocxParagraph styled;
    styled.style = style;
    if (!text.isEmpty()) {
        DocxRun run = DocxRun::plain(text);
        run.bold = bold;
        styled.runs.append(run);
    }
    paragraph(styled);
}

void DocxBodyWriter::learnerText(const QString &text, int ruledLinesIfEmpty)
{
    const QStringList lines = textLines(text);
    if (lines.isEmpty())
        ruledLines(ruledLinesIfEmpty);
    for (const QString &line : lines)
        textParagraph(QString(), line);
}

// The lines keep together (each keeps with the next, but the last), so a page break never
// strands one or two of them.
void DocxBodyWriter::ruledLines(int count)
{
    for (int i = 0; i < count; ++i)
        textParagraph(i + 1 < count ? QStringLiteral("WritingLine") : QStringLiteral("WritingLineEnd"), QString());
}

void DocxBodyWriter::startTable(int columns)
{
    m_x.writeStartElement(QStringLiteral("w:tbl"));
    m_x.writeStartElement(QStringLiteral("w:tblPr"));
    m_x.writeEmptyElement(QStringLiteral("w:tblStyle"));
    m_x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("WorksheetTable"));
    m_x.writeEmptyElement(QStringLiteral("w:tblW"));
    m_x.writeAttribute(QStringLiteral("w:w"), QString::number(kTextWidth));
    m_x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("dxa"));
    m_x.writeEmptyElement(QStringLiteral("w:tblLayout"));
    m_x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("fixed"));
    m_x.writeEmptyElement(QStringLiteral("w:tblLook"));
    m_x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("04A0"));
    m_x.writeAttribute(QStringLiteral("w:firstRow"), QStringLiteral("1"));
    m_x.writeAttribute(QStringLiteral("w:lastRow"), QStringLiteral("0"));
    m_x.writeAttribute(QStringLiteral("w:firstColumn"), QStringLiteral("0"));
    m_x.writeAttribute(QStringLiteral("w:lastColumn"), QStringLiteral("0"));
    m_x.writeAttribute(QStringLiteral("w:noHBand"), QStringLiteral("1"));
    m_x.writeAttribute(QStringLiteral("w:noVBand"), QStringLiteral("1"));
    m_x.writeEndElement();
    m_x.writeStartElement(QStringLiteral("w:tblGrid"));
    for (int column = 0; column < columns; ++column) {
        m_x.writeEmptyElement(QStringLiteral("w:gridCol"));
        m_x.writeAttribute(QStringLiteral("w:w"), QString::number(kTextWidth / columns));
    }
    m_x.writeEndElement();
}

void DocxBodyWriter::headerRow(const QStringList &titles)
{
    QVector<Cell> cells;
    for (const QString &title : titles)
        cells.append(Cell{title, true, true, true});
    tableRow(cells, 0);
}

// Rows never split across pages; the header row repeats on each page.
void DocxBodyWriter::tableRow(const QVector<Cell> &cells, int minHeight)
{
    const bool header = !cells.isEmpty() && cells.first().header;
    m_x.writeStartElement(QStringLiteral("w:tr"));
    m_x.writeStartElement(QStringLiteral("w:trPr"));
    m_x.writeEmptyElement(QStringLiteral("w:cantSplit"));
    if (minHeight > 0) {
        m_x.writeEmptyElement(QStringLiteral("w:trHeight"));
        m_x.writeAttribute(QStringLiteral("w:val"), QString::number(minHeight));
        m_x.writeAttribute(QStringLiteral("w:hRule"), QStringLiteral("atLeast"));
    }
    if (header)
        m_x.writeEmptyElement(QStringLiteral("w:tblHeader"));
    m_x.writeEndElement();
    const int width = kTextWidth / int(std::max<qsizetype>(1, cells.size()));
    for (const Cell &cell : cells) {
        m_x.writeStartElement(QStringLiteral("w:tc"));
        m_x.writeStartElement(QStringLiteral("w:tcPr"));
        m_x.writeEmptyElement(QStringLiteral("w:tcW"));
        m_x.writeAttribute(QStringLiteral("w:w"), QString::number(width));
        m_x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("dxa"));
        if (cell.header || cell.shaded) {
            m_x.writeEmptyElement(QStringLiteral("w:shd"));
            m_x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("clear"));
            m_x.writeAttribute(QStringLiteral("w:color"), QStringLiteral("auto"));
            m_x.writeAttribute(QStringLiteral("w:fill"), cell.header ? kHeaderShading : kFixedShading);
        }
        m_x.writeEndElement();
        // A header row keeps with the first row under it.
        const QString style = cell.header ? QStringLiteral("TableHeading") : QStringLiteral("TableText");
        const QStringList lines = textLines(cell.text);
        if (lines.isEmpty())
            textParagraph(style, QString());
        for (const QString &line : lines)
            textParagraph(style, line, cell.header || cell.bold);
        m_x.writeEndElement();
    }
    m_x.writeEndElement();
}

void DocxBodyWriter::endTable()
{
    m_x.writeEndElement();  // w:tbl
}
