#include "DocxWorksheetWriter.h"

#include "AtomicFile.h"
#include "KwlLabels.h"

#include "WorksheetGrid.h"

#include "ExportDocument.h"
#include "HtmlDom.h"

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QSizeF>
#include <QSvgRenderer>
#include <QUrl>
#include <QXmlStreamWriter>

#include <zip.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace {

using Type = WorksheetCell::Type;

const QString kWordNamespace = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
const QString kRelNamespace = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
const QString kPackageRelNamespace = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kOfficeRelType = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");

constexpr int kTextWidth = 9638;      // A4 less 2 cm margins, in twentieths of a point
constexpr int kBulletList = 1;        // the w:numId every bullet list shares
constexpr int kFirstOrderedList = 2;  // each ordered list gets its own w:numId so it restarts at 1
constexpr int kMaxListLevel = 5;
constexpr int kRuledLines = 6;
constexpr int kKwlBlankRows = 5;
constexpr int kKwlRowHeight = 1440;   // one inch: room to write by hand
constexpr int kWorksheetRowHeight = 680;
const QString kHeaderShading = QStringLiteral("D9E2F3");
const QString kFixedShading = QStringLiteral("F2F2F2");

// Inline formatting of a piece of prompt text.
// A picture of a prompt, ready for the package: PNG, JPEG or GIF bytes and its size.
struct Picture {
    QByteArray bytes;
    QString extension;  // "png", "jpeg", "gif"
    QSize pixels;       // at 96 dpi
    QString alt;
};

struct Run {
    QString text;
    std::shared_ptr<const Picture> picture;  // a picture instead of text
    bool bold = false;
    bool italic = false;
    bool code = false;
    bool lineBreak = false;
    QString href;  // external links only: course-internal links mean nothing in a document
};

Run textRun(const QString &text)
{
    Run run;
    run.text = text;
    return run;
}

struct Paragraph {
    QVector<Run> runs;
    int numId = 0;   // list numbering, 0 for none
    int level = 0;   // list level of a numbered paragraph
    int indent = 0;  // list depth of a later paragraph in a list item, which gets no marker
};

// State of the walk over one prompt's HTML.
struct PromptWalk {
    QVector<Paragraph> paragraphs;
    bool open = false;         // the last paragraph still takes inline content
    bool itemStarting = false; // the next paragraph is the first of a list item: it gets the marker
    QVector<int> lists;        // numIds of the lists the walk is in, innermost last
    int *orderedLists = nullptr;
};

// Hyperlink relationships of document.xml and how many ordered lists numbering.xml defines.
struct BodyParts {
    QStringList links;
    int orderedLists = 0;
    QVector<std::shared_ptr<const Picture>> pictures;  // word/media/image<n>, in order
};

QString pictureRelationshipId(qsizetype index)
{
    return QStringLiteral("rIdImage%1").arg(index + 1);
}

QString pictureFileName(const Picture &picture, qsizetype index)
{
    return QStringLiteral("media/image%1.%2").arg(index + 1).arg(picture.extension);
}

// A prompt image (a data: URL, see PromptImages) as a picture Word and LibreOffice show;
// null when it cannot be one: then its alt text stands in. SVG is drawn to PNG at twice its
// size, which needs fonts, so only with a QGuiApplication.
std::shared_ptr<const Picture> decodePicture(const QString &src, const QString &alt)
{
    static const QRegularExpression dataUrl(QStringLiteral("^data:(image/[a-z0-9.+-]+);base64,(.*)$"),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = dataUrl.match(src.trimmed());
    if (!match.hasMatch())
        return nullptr;
    const QString mime = match.captured(1).toLower();
    const QByteArray bytes = QByteArray::fromBase64(match.captured(2).toLatin1());
    auto picture = std::make_shared<Picture>();
    picture->alt = alt;
    if (mime == QLatin1String("image/svg+xml")) {
        QSvgRenderer svg(bytes);
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()) || !svg.isValid() || svg.defaultSize().isEmpty())
            return nullptr;
        picture->pixels = svg.defaultSize().boundedTo(QSize(2000, 2000));
        QImage image(picture->pixels * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        QBuffer buffer(&picture->bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        picture->extension = QStringLiteral("png");
        return picture;
    }
    const QHash<QString, QString> extensions = {{QStringLiteral("image/png"), QStringLiteral("png")},
                                                {QStringLiteral("image/jpeg"), QStringLiteral("jpeg")},
                                                {QStringLiteral("image/gif"), QStringLiteral("gif")}};
    picture->extension = extensions.value(mime);
    QBuffer buffer;
    buffer.setData(bytes);
    picture->pixels = QImageReader(&buffer).size();
    if (picture->extension.isEmpty() || !picture->pixels.isValid() || picture->pixels.isEmpty())
        return nullptr;
    picture->bytes = bytes;
    return picture;
}

QString linkRelationshipId(int index)
{
    return QStringLiteral("rIdLink%1").arg(index + 1);
}

void closeParagraph(PromptWalk &walk)
{
    walk.open = false;
}

Paragraph &currentParagraph(PromptWalk &walk)
{
    if (!walk.open) {
        Paragraph paragraph;
        if (walk.itemStarting) {
            paragraph.numId = walk.lists.last();
            paragraph.level = std::min<int>(int(walk.lists.size()) - 1, kMaxListLevel);
        } else {
            paragraph.indent = int(walk.lists.size());
        }
        walk.itemStarting = false;
        walk.paragraphs.append(paragraph);
        walk.open = true;
    }
    return walk.paragraphs.last();
}

void appendText(PromptWalk &walk, QString text, const Run &format)
{
    // HTML white space: runs collapse to one space, none at the start of a line.
    text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    Paragraph &paragraph = currentParagraph(walk);
    const bool lineStart = paragraph.runs.isEmpty() || paragraph.runs.last().lineBreak
                        || paragraph.runs.last().text.endsWith(QLatin1Char(' '));
    if (lineStart && text.startsWith(QLatin1Char(' ')))
        text.remove(0, 1);
    if (text.isEmpty())
        return;
    Run run = format;
    run.text = text;
    paragraph.runs.append(run);
}

bool isBlock(const QString &tag)
{
    static const QStringList blocks = {"p", "div", "blockquote", "section", "article", "pre", "table", "tr", "details",
                                       "summary", "figure", "figcaption", "dl", "dt", "dd", "hr", "h1", "h2", "h3",
                                       "h4", "h5", "h6"};
    return blocks.contains(tag);
}

void walkNode(PromptWalk &walk, xmlNodePtr node, Run format)
{
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            appendText(walk, QString::fromUtf8(reinterpret_cast<const char *>(child->content)), format);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const QString tag = HtmlDom::name(child);
        Run inner = format;
        if (tag == QLatin1String("script") || tag == QLatin1String("style")) {
            continue;
        } else if (tag == QLatin1String("br")) {
            Run lineBreak;
            lineBreak.lineBreak = true;
            currentParagraph(walk).runs.append(lineBreak);
            continue;
        } else if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
            closeParagraph(walk);
            walk.lists.append(tag == QLatin1String("ul") ? kBulletList : kFirstOrderedList + (*walk.orderedLists)++);
            walkNode(walk, child, format);
            walk.lists.removeLast();
            closeParagraph(walk);
            continue;
        } else if (tag == QLatin1String("li")) {
            closeParagraph(walk);
            walk.itemStarting = !walk.lists.isEmpty();
            walkNode(walk, child, format);
            closeParagraph(walk);
            walk.itemStarting = false;
            continue;
        } else if (isBlock(tag)) {
            closeParagraph(walk);
            if (tag.size() == 2 && tag.startsWith(QLatin1Char('h')) && tag != QLatin1String("hr"))
                inner.bold = true;
            walkNode(walk, child, inner);
            closeParagraph(walk);
            continue;
        } else if (tag == QLatin1String("strong") || tag == QLatin1String("b")) {
            inner.bold = true;
        } else if (tag == QLatin1String("em") || tag == QLatin1String("i") || tag == QLatin1String("cite")) {
            inner.italic = true;
        } else if (tag == QLatin1String("code") || tag == QLatin1String("kbd") || tag == QLatin1String("samp")) {
            inner.code = true;
        } else if (tag == QLatin1String("a")) {
            const QString href = HtmlDom::attribute(child, "href");
            const QString scheme = QUrl(href).scheme().toLower();
            if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto"))
                inner.href = href;
        } else if (tag == QLatin1String("img")) {
            const QString alt = HtmlDom::attribute(child, "alt");
            Run picture = format;
            picture.picture = decodePicture(HtmlDom::attribute(child, "src"), alt);
            if (picture.picture)
                currentParagraph(walk).runs.append(picture);
            else
                appendText(walk, QStringLiteral("[Image: %1]").arg(alt), format);
            continue;
        } else if (tag == QLatin1String("td") || tag == QLatin1String("th")) {
            walkNode(walk, child, inner);
            appendText(walk, QStringLiteral(" "), format);
            continue;
        }
        walkNode(walk, child, inner);
    }
}

QVector<Paragraph> promptParagraphs(const QString &html, int *orderedLists)
{
    HtmlDom dom(html);
    PromptWalk walk;
    walk.orderedLists = orderedLists;
    if (dom.body())
        walkNode(walk, dom.body(), Run());
    QVector<Paragraph> paragraphs;
    for (Paragraph &paragraph : walk.paragraphs) {
        // Trailing spaces and line breaks would only leave a gap.
        while (!paragraph.runs.isEmpty()) {
            Run &last = paragraph.runs.last();
            while (last.text.endsWith(QLatin1Char(' ')))
                last.text.chop(1);
            if (last.picture || (!last.lineBreak && !last.text.isEmpty()))
                break;
            paragraph.runs.removeLast();
        }
        if (!paragraph.runs.isEmpty())
            paragraphs.append(paragraph);
    }
    return paragraphs;
}

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

// ---- WordprocessingML pieces ----

void writeRunProperties(QXmlStreamWriter &x, const Run &run)
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

void writeRun(QXmlStreamWriter &x, const Run &run)
{
    x.writeStartElement(QStringLiteral("w:r"));
    writeRunProperties(x, run);
    if (run.lineBreak) {
        x.writeEmptyElement(QStringLiteral("w:br"));
    } else {
        x.writeStartElement(QStringLiteral("w:t"));
        x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
        x.writeCharacters(run.text);
        x.writeEndElement();
    }
    x.writeEndElement();
}

void element(QXmlStreamWriter &x, const QString &name, const QList<std::pair<QString, QString>> &attributes);

// An inline picture, no wider than the text column.
void writePicture(QXmlStreamWriter &x, BodyParts &parts, const Picture &picture)
{
    parts.pictures.append(std::make_shared<Picture>(picture));
    const qsizetype index = parts.pictures.size() - 1;
    constexpr qint64 emuPerPixel = 9525;  // 914400 an inch at 96 pixels an inch
    constexpr qint64 maxWidth = 6 * 914400;
    qint64 width = picture.pixels.width() * emuPerPixel;
    qint64 height = picture.pixels.height() * emuPerPixel;
    if (width > maxWidth) {
        height = height * maxWidth / width;
        width = maxWidth;
    }
    const QString cx = QString::number(width), cy = QString::number(height), id = QString::number(index + 1);
    const QString name = QStringLiteral("Picture %1").arg(id);
    const QString drawing = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/main");
    const QString pictureNs = QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/picture");
    x.writeStartElement(QStringLiteral("w:r"));
    x.writeStartElement(QStringLiteral("w:drawing"));
    x.writeStartElement(QStringLiteral("wp:inline"));
    for (const char *distance : {"distT", "distB", "distL", "distR"})
        x.writeAttribute(QLatin1String(distance), QStringLiteral("0"));
    element(x, QStringLiteral("wp:extent"), {{QStringLiteral("cx"), cx}, {QStringLiteral("cy"), cy}});
    element(x, QStringLiteral("wp:docPr"), {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("descr"), picture.alt}});
    x.writeStartElement(QStringLiteral("a:graphic"));
    x.writeAttribute(QStringLiteral("xmlns:a"), drawing);
    x.writeStartElement(QStringLiteral("a:graphicData"));
    x.writeAttribute(QStringLiteral("uri"), pictureNs);
    x.writeStartElement(QStringLiteral("pic:pic"));
    x.writeAttribute(QStringLiteral("xmlns:pic"), pictureNs);
    x.writeStartElement(QStringLiteral("pic:nvPicPr"));
    element(x, QStringLiteral("pic:cNvPr"), {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("descr"), picture.alt}});
    x.writeEmptyElement(QStringLiteral("pic:cNvPicPr"));
    x.writeEndElement();  // pic:nvPicPr
    x.writeStartElement(QStringLiteral("pic:blipFill"));
    element(x, QStringLiteral("a:blip"), {{QStringLiteral("r:embed"), pictureRelationshipId(index)}});
    x.writeStartElement(QStringLiteral("a:stretch"));
    x.writeEmptyElement(QStringLiteral("a:fillRect"));
    x.writeEndElement();
    x.writeEndElement();  // pic:blipFill
    x.writeStartElement(QStringLiteral("pic:spPr"));
    x.writeStartElement(QStringLiteral("a:xfrm"));
    element(x, QStringLiteral("a:off"), {{QStringLiteral("x"), QStringLiteral("0")}, {QStringLiteral("y"), QStringLiteral("0")}});
    element(x, QStringLiteral("a:ext"), {{QStringLiteral("cx"), cx}, {QStringLiteral("cy"), cy}});
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

void writeRuns(QXmlStreamWriter &x, BodyParts &parts, const QVector<Run> &runs)
{
    for (qsizetype i = 0; i < runs.size();) {
        if (runs[i].picture) {
            writePicture(x, parts, *runs[i++].picture);
            continue;
        }
        if (runs[i].href.isEmpty()) {
            writeRun(x, runs[i++]);
            continue;
        }
        // Consecutive runs of one link share one w:hyperlink.
        const QString href = runs[i].href;
        qsizetype index = parts.links.indexOf(href);
        if (index < 0) {
            parts.links.append(href);
            index = parts.links.size() - 1;
        }
        x.writeStartElement(QStringLiteral("w:hyperlink"));
        x.writeAttribute(QStringLiteral("r:id"), linkRelationshipId(int(index)));
        while (i < runs.size() && runs[i].href == href)
            writeRun(x, runs[i++]);
        x.writeEndElement();
    }
}

bool isRightToLeft(const QVector<Run> &runs)
{
    QString text;
    for (const Run &run : runs)
        text += run.text;
    return text.isRightToLeft();
}

struct ParagraphStyle {
    QString style;
    int numId = 0;
    int level = 0;
    int indent = 0;
    bool keepNext = false;  // on the page of the next paragraph or table row
};

void writeParagraphProperties(QXmlStreamWriter &x, const ParagraphStyle &style, bool rightToLeft)
{
    if (style.style.isEmpty() && style.numId == 0 && style.indent == 0 && !style.keepNext && !rightToLeft)
        return;
    x.writeStartElement(QStringLiteral("w:pPr"));
    if (!style.style.isEmpty()) {
        x.writeEmptyElement(QStringLiteral("w:pStyle"));
        x.writeAttribute(QStringLiteral("w:val"), style.style);
    }
    if (style.keepNext)
        x.writeEmptyElement(QStringLiteral("w:keepNext"));
    if (style.numId != 0) {
        x.writeStartElement(QStringLiteral("w:numPr"));
        x.writeEmptyElement(QStringLiteral("w:ilvl"));
        x.writeAttribute(QStringLiteral("w:val"), QString::number(style.level));
        x.writeEmptyElement(QStringLiteral("w:numId"));
        x.writeAttribute(QStringLiteral("w:val"), QString::number(style.numId));
        x.writeEndElement();
    }
    if (rightToLeft)
        x.writeEmptyElement(QStringLiteral("w:bidi"));
    if (style.indent > 0) {
        x.writeEmptyElement(QStringLiteral("w:ind"));
        x.writeAttribute(QStringLiteral("w:left"), QString::number(720 * std::min(style.indent, kMaxListLevel + 1)));
    }
    x.writeEndElement();
}

void writeParagraph(QXmlStreamWriter &x, BodyParts &parts, const ParagraphStyle &style, const QVector<Run> &runs)
{
    x.writeStartElement(QStringLiteral("w:p"));
    writeParagraphProperties(x, style, isRightToLeft(runs));
    writeRuns(x, parts, runs);
    x.writeEndElement();
}

void writeTextParagraph(QXmlStreamWriter &x, BodyParts &parts, const QString &style, const QString &text, bool bold = false)
{
    Run run = textRun(text);
    run.bold = bold;
    writeParagraph(x, parts, ParagraphStyle{style}, text.isEmpty() ? QVector<Run>() : QVector<Run>{run});
}

// The lines keep together (each keeps with the next, but the last), so a page break never
// strands one or two of them.
void writeRuledLines(QXmlStreamWriter &x, BodyParts &parts, int count)
{
    for (int i = 0; i < count; ++i)
        writeParagraph(x, parts, ParagraphStyle{i + 1 < count ? QStringLiteral("WritingLine") : QStringLiteral("WritingLineEnd")}, {});
}

void writeLearnerLine(QXmlStreamWriter &x, const ExportDocument &doc)
{
    x.writeStartElement(QStringLiteral("w:p"));
    x.writeStartElement(QStringLiteral("w:pPr"));
    x.writeEmptyElement(QStringLiteral("w:pStyle"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("Subtitle"));
    x.writeStartElement(QStringLiteral("w:tabs"));
    x.writeEmptyElement(QStringLiteral("w:tab"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("left"));
    x.writeAttribute(QStringLiteral("w:pos"), QStringLiteral("5400"));
    x.writeEndElement();
    if (doc.learner.isRightToLeft())
        x.writeEmptyElement(QStringLiteral("w:bidi"));
    x.writeEndElement();
    Run label;
    label.text = QStringLiteral("Learner: ");
    label.bold = true;
    writeRun(x, label);
    if (doc.learner.trimmed().isEmpty()) {
        // An underlined tab is the line to write a name on.
        x.writeStartElement(QStringLiteral("w:r"));
        x.writeStartElement(QStringLiteral("w:rPr"));
        x.writeEmptyElement(QStringLiteral("w:u"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("single"));
        x.writeEndElement();
        x.writeEmptyElement(QStringLiteral("w:tab"));
        x.writeEndElement();
    } else {
        writeRun(x, textRun(doc.learner.trimmed()));
    }
    if (doc.date.isValid())
        writeRun(x, textRun(QStringLiteral(" · ") + QLocale().toString(doc.date, QLocale::LongFormat)));
    x.writeEndElement();
}

// ---- tables ----

struct TableCell {
    QString text;
    bool header = false;
    bool shaded = false;
    bool bold = false;
};

void writeTableStart(QXmlStreamWriter &x, int columns)
{
    x.writeStartElement(QStringLiteral("w:tbl"));
    x.writeStartElement(QStringLiteral("w:tblPr"));
    x.writeEmptyElement(QStringLiteral("w:tblStyle"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("WorksheetTable"));
    x.writeEmptyElement(QStringLiteral("w:tblW"));
    x.writeAttribute(QStringLiteral("w:w"), QString::number(kTextWidth));
    x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("dxa"));
    x.writeEmptyElement(QStringLiteral("w:tblLayout"));
    x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("fixed"));
    x.writeEmptyElement(QStringLiteral("w:tblLook"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("04A0"));
    x.writeAttribute(QStringLiteral("w:firstRow"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("w:lastRow"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("w:firstColumn"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("w:lastColumn"), QStringLiteral("0"));
    x.writeAttribute(QStringLiteral("w:noHBand"), QStringLiteral("1"));
    x.writeAttribute(QStringLiteral("w:noVBand"), QStringLiteral("1"));
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("w:tblGrid"));
    for (int column = 0; column < columns; ++column) {
        x.writeEmptyElement(QStringLiteral("w:gridCol"));
        x.writeAttribute(QStringLiteral("w:w"), QString::number(kTextWidth / columns));
    }
    x.writeEndElement();
}

// Rows never split across pages; the header row repeats on each page; `minHeight` (0 for
// none) leaves room to write by hand.
void writeTableRow(QXmlStreamWriter &x, BodyParts &parts, const QVector<TableCell> &cells, int minHeight)
{
    const bool header = !cells.isEmpty() && cells.first().header;
    x.writeStartElement(QStringLiteral("w:tr"));
    x.writeStartElement(QStringLiteral("w:trPr"));
    x.writeEmptyElement(QStringLiteral("w:cantSplit"));
    if (minHeight > 0) {
        x.writeEmptyElement(QStringLiteral("w:trHeight"));
        x.writeAttribute(QStringLiteral("w:val"), QString::number(minHeight));
        x.writeAttribute(QStringLiteral("w:hRule"), QStringLiteral("atLeast"));
    }
    if (header)
        x.writeEmptyElement(QStringLiteral("w:tblHeader"));
    x.writeEndElement();
    const int width = kTextWidth / int(std::max<qsizetype>(1, cells.size()));
    for (const TableCell &cell : cells) {
        x.writeStartElement(QStringLiteral("w:tc"));
        x.writeStartElement(QStringLiteral("w:tcPr"));
        x.writeEmptyElement(QStringLiteral("w:tcW"));
        x.writeAttribute(QStringLiteral("w:w"), QString::number(width));
        x.writeAttribute(QStringLiteral("w:type"), QStringLiteral("dxa"));
        if (cell.header || cell.shaded) {
            x.writeEmptyElement(QStringLiteral("w:shd"));
            x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("clear"));
            x.writeAttribute(QStringLiteral("w:color"), QStringLiteral("auto"));
            x.writeAttribute(QStringLiteral("w:fill"), cell.header ? kHeaderShading : kFixedShading);
        }
        x.writeEndElement();
        // A header row keeps with the first row under it.
        const QString style = cell.header ? QStringLiteral("TableHeading") : QStringLiteral("TableText");
        const QStringList lines = textLines(cell.text);
        if (lines.isEmpty())
            writeTextParagraph(x, parts, style, QString());
        for (const QString &line : lines)
            writeTextParagraph(x, parts, style, line, cell.header || cell.bold);
        x.writeEndElement();
    }
    x.writeEndElement();
}

QVector<TableCell> headerCells(const QStringList &titles)
{
    QVector<TableCell> cells;
    for (const QString &title : titles)
        cells.append(TableCell{title, true, true, true});
    return cells;
}

// ---- answers ----

void writeTextAnswer(QXmlStreamWriter &x, BodyParts &parts, const ExportItem &item)
{
    const QStringList lines = item.answer ? textLines(item.answer->value.value(QStringLiteral("text")).toString()) : QStringList();
    if (lines.isEmpty())
        writeRuledLines(x, parts, kRuledLines);
    for (const QString &line : lines)
        writeTextParagraph(x, parts, QString(), line);
}

void writeKwlAnswer(QXmlStreamWriter &x, BodyParts &parts, const ExportItem &item)
{
    const QJsonObject value = item.answer ? item.answer->value : QJsonObject();
    writeTextParagraph(x, parts, QStringLiteral("Label"), KwlLabels::experience());
    const QStringList experience = textLines(value.value(QStringLiteral("experience")).toString());
    if (experience.isEmpty())
        writeRuledLines(x, parts, 3);
    for (const QString &line : experience)
        writeTextParagraph(x, parts, QString(), line);

    writeTableStart(x, 3);
    writeTableRow(x, parts, headerCells({QStringLiteral("Know"), QStringLiteral("Want to learn"), QStringLiteral("Learned")}), 0);
    int written = 0;
    for (const QJsonValue &row : value.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject r = row.toObject();
        QVector<TableCell> cells;
        for (const char *key : {"know", "want", "learned"})
            cells.append(TableCell{r.value(QLatin1String(key)).toString()});
        writeTableRow(x, parts, cells, 0);
        ++written;
    }
    for (; written < kKwlBlankRows && value.value(QStringLiteral("rows")).toArray().isEmpty(); ++written)
        writeTableRow(x, parts, QVector<TableCell>(3), kKwlRowHeight);
    x.writeEndElement();  // w:tbl
}

QString ratingChoices(const QStringList &choices)
{
    QStringList boxes;
    for (const QString &choice : choices)
        boxes << QStringLiteral("☐ ") + choice;
    return boxes.join(QStringLiteral("   "));
}

void writeWorksheetAnswer(QXmlStreamWriter &x, BodyParts &parts, const ExportItem &item)
{
    const QJsonArray values = item.answer ? item.answer->value.value(QStringLiteral("cells")).toArray() : QJsonArray();
    const WorksheetGrid grid(item.spec);
    const QVector<QVector<WorksheetCell>> layout = grid.layout(values.size());
    const QVector<QVector<QString>> shown = grid.shown(values);
    const int columns = int(grid.columnCount());
    QVector<QVector<TableCell>> rows(layout.size(), QVector<TableCell>(columns));
    for (qsizetype row = 0; row < layout.size(); ++row) {
        for (int column = 0; column < columns; ++column) {
            const WorksheetCell &cell = layout[row][column];
            const QString &text = shown[row][column];
            TableCell &out = rows[row][column];
            switch (cell.type) {
            case Type::Fixed:
                out = TableCell{text, false, true, false};
                break;
            case Type::Editable:
                out.text = text;
                break;
            case Type::Rating:
                out.text = text.isEmpty() ? ratingChoices(cell.choices) : text;  // the choices, to tick by hand
                break;
            case Type::Total:
                out = TableCell{text, false, true, true};
                break;
            }
        }
    }

    writeTableStart(x, columns);
    if (!item.spec.columns.isEmpty()) {
        QStringList titles = item.spec.columns;
        while (titles.size() < columns)
            titles << QString();
        writeTableRow(x, parts, headerCells(titles), 0);
    }
    for (qsizetype row = 0; row < layout.size(); ++row) {
        // A row the learner has not written in keeps room to write by hand.
        const bool writable = std::any_of(layout[row].cbegin(), layout[row].cend(), [](const WorksheetCell &cell) {
            return cell.type == Type::Editable || cell.type == Type::Rating;
        });
        bool empty = true;
        for (int column = 0; column < columns; ++column)
            empty = empty && (layout[row][column].type != Type::Editable || rows[row][column].text.trimmed().isEmpty());
        writeTableRow(x, parts, rows[row], writable && empty ? kWorksheetRowHeight : 0);
    }
    x.writeEndElement();  // w:tbl
}

// ---- parts ----

void startPart(QXmlStreamWriter &x, const QString &root, const QString &ns, const QString &prefix)
{
    x.writeStartDocument(QStringLiteral("1.0"), true);
    x.writeStartElement(root);
    x.writeAttribute(prefix.isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + prefix, ns);
}

QByteArray documentXml(const ExportDocument &doc, QPageSize::PageSizeId size, BodyParts &parts)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("w:document"), kWordNamespace, QStringLiteral("w"));
    x.writeAttribute(QStringLiteral("xmlns:r"), kRelNamespace);
    x.writeAttribute(QStringLiteral("xmlns:wp"), QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"));
    x.writeStartElement(QStringLiteral("w:body"));

    writeTextParagraph(x, parts, QStringLiteral("Title"), doc.courseTitle);
    writeLearnerLine(x, doc);
    writeTextParagraph(x, parts, QStringLiteral("Scope"), doc.scopeTitle);

    QString module, page;
    for (const ExportItem &item : doc.items) {
        // Each module after the first starts a page, as in the PDF.
        if (item.moduleTitle != module && !item.moduleTitle.isEmpty())
            writeTextParagraph(x, parts, module.isEmpty() ? QStringLiteral("Heading1") : QStringLiteral("Heading1NewPage"), item.moduleTitle);
        if ((item.pageTitle != page || item.moduleTitle != module) && !item.pageTitle.isEmpty())
            writeTextParagraph(x, parts, QStringLiteral("Heading2"), item.pageTitle);
        module = item.moduleTitle;
        page = item.pageTitle;
        writeTextParagraph(x, parts, QStringLiteral("Heading3"),
                           item.spec.title.isEmpty() ? ActivitySpec::kindName(item.spec.kind) : item.spec.title);
        // The title keeps with the prompt (Heading 3), the prompt's last paragraph with the answer.
        const QVector<Paragraph> prompt = promptParagraphs(item.spec.promptHtml, &parts.orderedLists);
        for (qsizetype index = 0; index < prompt.size(); ++index) {
            const Paragraph &paragraph = prompt[index];
            writeParagraph(x, parts, ParagraphStyle{QString(), paragraph.numId, paragraph.level, paragraph.indent, index + 1 == prompt.size()},
                           paragraph.runs);
        }
        switch (item.spec.kind) {
        case ActivitySpec::Kind::Kwl:
            writeKwlAnswer(x, parts, item);
            break;
        case ActivitySpec::Kind::Worksheet:
            writeWorksheetAnswer(x, parts, item);
            break;
        case ActivitySpec::Kind::Reflection:
        case ActivitySpec::Kind::Response:
            writeTextAnswer(x, parts, item);
            break;
        }
    }
    if (doc.items.isEmpty())
        writeTextParagraph(x, parts, QString(), QStringLiteral("No activities."));

    x.writeStartElement(QStringLiteral("w:sectPr"));
    // The first page (titlePg) has the footer but no running header: its title says it all.
    const std::pair<const char *, const char *> references[] = {
        {"w:headerReference", "default"}, {"w:footerReference", "default"}, {"w:footerReference", "first"}};
    for (const auto &[element, type] : references) {
        x.writeEmptyElement(QLatin1String(element));
        x.writeAttribute(QStringLiteral("w:type"), QLatin1String(type));
        x.writeAttribute(QStringLiteral("r:id"), QLatin1String(element) == QLatin1String("w:headerReference") ? QStringLiteral("rIdHeader")
                                                                                                              : QStringLiteral("rIdFooter"));
    }
    // Twips, 1440 an inch, from millimetres: Qt's inch sizes are rounded to 0.01 in.
    const QSizeF twips = QPageSize(size).size(QPageSize::Millimeter) * (1440 / 25.4);
    x.writeEmptyElement(QStringLiteral("w:pgSz"));
    x.writeAttribute(QStringLiteral("w:w"), QString::number(qRound(twips.width())));
    x.writeAttribute(QStringLiteral("w:h"), QString::number(qRound(twips.height())));
    x.writeEmptyElement(QStringLiteral("w:pgMar"));
    for (const char *side : {"w:top", "w:right", "w:bottom", "w:left"})
        x.writeAttribute(QLatin1String(side), QStringLiteral("1134"));
    x.writeAttribute(QStringLiteral("w:header"), QStringLiteral("567"));
    x.writeAttribute(QStringLiteral("w:footer"), QStringLiteral("567"));
    x.writeAttribute(QStringLiteral("w:gutter"), QStringLiteral("0"));
    x.writeEmptyElement(QStringLiteral("w:titlePg"));
    x.writeEndElement();  // w:sectPr
    x.writeEndElement();  // w:body
    x.writeEndDocument();
    return bytes;
}

void writeRelationship(QXmlStreamWriter &x, const QString &id, const QString &type, const QString &target, bool external = false)
{
    x.writeEmptyElement(QStringLiteral("Relationship"));
    x.writeAttribute(QStringLiteral("Id"), id);
    x.writeAttribute(QStringLiteral("Type"), type);
    x.writeAttribute(QStringLiteral("Target"), target);
    if (external)
        x.writeAttribute(QStringLiteral("TargetMode"), QStringLiteral("External"));
}

QByteArray documentRelsXml(const BodyParts &parts)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("Relationships"), kPackageRelNamespace, QString());
    writeRelationship(x, QStringLiteral("rIdStyles"), kOfficeRelType + QStringLiteral("styles"), QStringLiteral("styles.xml"));
    writeRelationship(x, QStringLiteral("rIdNumbering"), kOfficeRelType + QStringLiteral("numbering"), QStringLiteral("numbering.xml"));
    writeRelationship(x, QStringLiteral("rIdHeader"), kOfficeRelType + QStringLiteral("header"), QStringLiteral("header1.xml"));
    writeRelationship(x, QStringLiteral("rIdFooter"), kOfficeRelType + QStringLiteral("footer"), QStringLiteral("footer1.xml"));
    for (int i = 0; i < parts.links.size(); ++i)
        writeRelationship(x, linkRelationshipId(i), kOfficeRelType + QStringLiteral("hyperlink"), parts.links[i], true);
    for (qsizetype i = 0; i < parts.pictures.size(); ++i)
        writeRelationship(x, pictureRelationshipId(i), kOfficeRelType + QStringLiteral("image"), pictureFileName(*parts.pictures[i], i));
    x.writeEndDocument();
    return bytes;
}

QByteArray packageRelsXml()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("Relationships"), kPackageRelNamespace, QString());
    writeRelationship(x, QStringLiteral("rId1"), kOfficeRelType + QStringLiteral("officeDocument"), QStringLiteral("word/document.xml"));
    writeRelationship(x, QStringLiteral("rId2"),
                      QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                      QStringLiteral("docProps/core.xml"));
    writeRelationship(x, QStringLiteral("rId3"), kOfficeRelType + QStringLiteral("extended-properties"), QStringLiteral("docProps/app.xml"));
    x.writeEndDocument();
    return bytes;
}

QByteArray contentTypesXml()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("Types"), QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types"), QString());
    const QString wordml = QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.");
    for (const auto &[extension, type] : {std::pair{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
                                          std::pair{"xml", "application/xml"}, std::pair{"png", "image/png"},
                                          std::pair{"jpeg", "image/jpeg"}, std::pair{"gif", "image/gif"}}) {
        x.writeEmptyElement(QStringLiteral("Default"));
        x.writeAttribute(QStringLiteral("Extension"), QLatin1String(extension));
        x.writeAttribute(QStringLiteral("ContentType"), QLatin1String(type));
    }
    const QList<std::pair<QString, QString>> overrides = {
        {QStringLiteral("/word/document.xml"), wordml + QStringLiteral("document.main+xml")},
        {QStringLiteral("/word/styles.xml"), wordml + QStringLiteral("styles+xml")},
        {QStringLiteral("/word/numbering.xml"), wordml + QStringLiteral("numbering+xml")},
        {QStringLiteral("/word/header1.xml"), wordml + QStringLiteral("header+xml")},
        {QStringLiteral("/word/footer1.xml"), wordml + QStringLiteral("footer+xml")},
        {QStringLiteral("/docProps/core.xml"), QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml")},
        {QStringLiteral("/docProps/app.xml"), QStringLiteral("application/vnd.openxmlformats-officedocument.extended-properties+xml")},
    };
    for (const auto &[part, type] : overrides) {
        x.writeEmptyElement(QStringLiteral("Override"));
        x.writeAttribute(QStringLiteral("PartName"), part);
        x.writeAttribute(QStringLiteral("ContentType"), type);
    }
    x.writeEndDocument();
    return bytes;
}

QByteArray coreXml(const ExportDocument &doc)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("cp:coreProperties"),
              QStringLiteral("http://schemas.openxmlformats.org/package/2006/metadata/core-properties"), QStringLiteral("cp"));
    x.writeAttribute(QStringLiteral("xmlns:dc"), QStringLiteral("http://purl.org/dc/elements/1.1/"));
    x.writeAttribute(QStringLiteral("xmlns:dcterms"), QStringLiteral("http://purl.org/dc/terms/"));
    x.writeAttribute(QStringLiteral("xmlns:xsi"), QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    x.writeTextElement(QStringLiteral("dc:title"), doc.courseTitle);
    if (!doc.learner.trimmed().isEmpty())
        x.writeTextElement(QStringLiteral("dc:creator"), doc.learner.trimmed());
    x.writeStartElement(QStringLiteral("dcterms:created"));
    x.writeAttribute(QStringLiteral("xsi:type"), QStringLiteral("dcterms:W3CDTF"));
    x.writeCharacters(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    x.writeEndElement();
    x.writeEndDocument();
    return bytes;
}

QByteArray appXml()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("Properties"),
              QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"), QString());
    x.writeTextElement(QStringLiteral("Application"), QStringLiteral("Coursebook ") + QStringLiteral(COURSEBOOK_VERSION));
    x.writeEndDocument();
    return bytes;
}

// A complex field (PAGE, NUMPAGES), with a cached value for readers that do not update fields.
void writeField(QXmlStreamWriter &x, const QString &instruction, const QString &cached)
{
    const auto fieldChar = [&x](const char *type) {
        x.writeStartElement(QStringLiteral("w:r"));
        x.writeEmptyElement(QStringLiteral("w:fldChar"));
        x.writeAttribute(QStringLiteral("w:fldCharType"), QLatin1String(type));
        x.writeEndElement();
    };
    fieldChar("begin");
    x.writeStartElement(QStringLiteral("w:r"));
    x.writeStartElement(QStringLiteral("w:instrText"));
    x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    x.writeCharacters(QLatin1Char(' ') + instruction + QLatin1Char(' '));
    x.writeEndElement();
    x.writeEndElement();
    fieldChar("separate");
    writeRun(x, textRun(cached));
    fieldChar("end");
}

// The header or footer part: one paragraph of the given style.
QByteArray pageChromeXml(const QString &root, const QString &style, const std::function<void(QXmlStreamWriter &)> &content)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, root, kWordNamespace, QStringLiteral("w"));
    x.writeStartElement(QStringLiteral("w:p"));
    x.writeStartElement(QStringLiteral("w:pPr"));
    x.writeEmptyElement(QStringLiteral("w:pStyle"));
    x.writeAttribute(QStringLiteral("w:val"), style);
    x.writeEndElement();
    content(x);
    x.writeEndElement();  // w:p
    x.writeEndDocument();
    return bytes;
}

QByteArray headerXml(const ExportDocument &doc)
{
    return pageChromeXml(QStringLiteral("w:hdr"), QStringLiteral("Header"), [&doc](QXmlStreamWriter &x) {
        writeRun(x, textRun(doc.courseTitle + QStringLiteral(" · ") + doc.scopeTitle));
    });
}

QByteArray footerXml()
{
    return pageChromeXml(QStringLiteral("w:ftr"), QStringLiteral("Footer"), [](QXmlStreamWriter &x) {
        writeRun(x, textRun(QStringLiteral("Page ")));
        writeField(x, QStringLiteral("PAGE"), QStringLiteral("1"));
        writeRun(x, textRun(QStringLiteral(" of ")));
        writeField(x, QStringLiteral("NUMPAGES"), QStringLiteral("1"));
    });
}

// One list style per kind: bullets, and numbers that each ordered list restarts.
QByteArray numberingXml(int orderedLists)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("w:numbering"), kWordNamespace, QStringLiteral("w"));
    const QStringList bullets = {QStringLiteral("•"), QStringLiteral("◦"), QStringLiteral("▪")};
    const QStringList numberFormats = {QStringLiteral("decimal"), QStringLiteral("lowerLetter"), QStringLiteral("lowerRoman")};
    for (int abstract = 0; abstract < 2; ++abstract) {
        x.writeStartElement(QStringLiteral("w:abstractNum"));
        x.writeAttribute(QStringLiteral("w:abstractNumId"), QString::number(abstract));
        x.writeEmptyElement(QStringLiteral("w:multiLevelType"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("hybridMultilevel"));
        for (int level = 0; level <= kMaxListLevel; ++level) {
            x.writeStartElement(QStringLiteral("w:lvl"));
            x.writeAttribute(QStringLiteral("w:ilvl"), QString::number(level));
            x.writeEmptyElement(QStringLiteral("w:start"));
            x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
            x.writeEmptyElement(QStringLiteral("w:numFmt"));
            x.writeAttribute(QStringLiteral("w:val"), abstract == 0 ? QStringLiteral("bullet") : numberFormats[level % 3]);
            x.writeEmptyElement(QStringLiteral("w:lvlText"));
            x.writeAttribute(QStringLiteral("w:val"),
                             abstract == 0 ? bullets[level % 3] : QStringLiteral("%%1.").arg(level + 1));
            x.writeEmptyElement(QStringLiteral("w:lvlJc"));
            x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("left"));
            x.writeStartElement(QStringLiteral("w:pPr"));
            x.writeEmptyElement(QStringLiteral("w:ind"));
            x.writeAttribute(QStringLiteral("w:left"), QString::number(720 * (level + 1)));
            x.writeAttribute(QStringLiteral("w:hanging"), QStringLiteral("360"));
            x.writeEndElement();
            x.writeEndElement();  // w:lvl
        }
        x.writeEndElement();  // w:abstractNum
    }
    x.writeStartElement(QStringLiteral("w:num"));
    x.writeAttribute(QStringLiteral("w:numId"), QString::number(kBulletList));
    x.writeEmptyElement(QStringLiteral("w:abstractNumId"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("0"));
    x.writeEndElement();
    for (int list = 0; list < orderedLists; ++list) {
        x.writeStartElement(QStringLiteral("w:num"));
        x.writeAttribute(QStringLiteral("w:numId"), QString::number(kFirstOrderedList + list));
        x.writeEmptyElement(QStringLiteral("w:abstractNumId"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
        x.writeStartElement(QStringLiteral("w:lvlOverride"));
        x.writeAttribute(QStringLiteral("w:ilvl"), QStringLiteral("0"));
        x.writeEmptyElement(QStringLiteral("w:startOverride"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndDocument();
    return bytes;
}

// Styles in the order of CT_Style's children, which Word insists on.
struct StyleSpec {
    QString type;
    QString id;
    QString name;
    QString basedOn;
    QString next;
    std::function<void(QXmlStreamWriter &)> paragraph;  // children of w:pPr
    std::function<void(QXmlStreamWriter &)> run;        // children of w:rPr
    std::function<void(QXmlStreamWriter &)> table;      // children of w:tblPr
};

void element(QXmlStreamWriter &x, const QString &name, const QList<std::pair<QString, QString>> &attributes)
{
    x.writeEmptyElement(name);
    for (const auto &[key, value] : attributes)
        x.writeAttribute(key, value);
}

std::function<void(QXmlStreamWriter &)> runFormat(int halfPoints, bool bold, const QString &color = QString())
{
    return [=](QXmlStreamWriter &x) {
        if (bold)
            x.writeEmptyElement(QStringLiteral("w:b"));
        if (!color.isEmpty())
            element(x, QStringLiteral("w:color"), {{QStringLiteral("w:val"), color}});
        element(x, QStringLiteral("w:sz"), {{QStringLiteral("w:val"), QString::number(halfPoints)}});
        element(x, QStringLiteral("w:szCs"), {{QStringLiteral("w:val"), QString::number(halfPoints)}});
    };
}

std::function<void(QXmlStreamWriter &)> headingFormat(int outlineLevel, int before)
{
    return [=](QXmlStreamWriter &x) {
        x.writeEmptyElement(QStringLiteral("w:keepNext"));
        element(x, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QString::number(before)}, {QStringLiteral("w:after"), QStringLiteral("120")}});
        element(x, QStringLiteral("w:outlineLvl"), {{QStringLiteral("w:val"), QString::number(outlineLevel)}});
    };
}

void writeBorders(QXmlStreamWriter &x, const QStringList &sides, const QString &color)
{
    for (const QString &side : sides)
        element(x, QStringLiteral("w:") + side, {{QStringLiteral("w:val"), QStringLiteral("single")}, {QStringLiteral("w:sz"), QStringLiteral("4")},
                                                {QStringLiteral("w:space"), QStringLiteral("0")}, {QStringLiteral("w:color"), color}});
}

QByteArray stylesXml()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    startPart(x, QStringLiteral("w:styles"), kWordNamespace, QStringLiteral("w"));

    x.writeStartElement(QStringLiteral("w:docDefaults"));
    x.writeStartElement(QStringLiteral("w:rPrDefault"));
    x.writeStartElement(QStringLiteral("w:rPr"));
    element(x, QStringLiteral("w:rFonts"), {{QStringLiteral("w:ascii"), QStringLiteral("Arial")}, {QStringLiteral("w:hAnsi"), QStringLiteral("Arial")},
                                            {QStringLiteral("w:eastAsia"), QStringLiteral("Arial")}, {QStringLiteral("w:cs"), QStringLiteral("Arial")}});
    element(x, QStringLiteral("w:sz"), {{QStringLiteral("w:val"), QStringLiteral("22")}});
    element(x, QStringLiteral("w:szCs"), {{QStringLiteral("w:val"), QStringLiteral("22")}});
    x.writeEndElement();
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("w:pPrDefault"));
    x.writeStartElement(QStringLiteral("w:pPr"));
    element(x, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("120")}, {QStringLiteral("w:line"), QStringLiteral("264")},
                                             {QStringLiteral("w:lineRule"), QStringLiteral("auto")}});
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();  // w:docDefaults

    const QString normal = QStringLiteral("Normal");
    const QList<StyleSpec> styles = {
        {QStringLiteral("paragraph"), normal, QStringLiteral("Normal"), {}, {}, {}, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Title"), QStringLiteral("Title"), normal, normal,
         [](QXmlStreamWriter &w) { element(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("120")}}); },
         runFormat(44, true, QStringLiteral("1F3864")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Subtitle"), QStringLiteral("Subtitle"), normal, normal, {}, runFormat(24, false, QStringLiteral("404040")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Scope"), QStringLiteral("Scope"), normal, normal,
         [](QXmlStreamWriter &w) { element(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("240")}}); },
         runFormat(28, false, QStringLiteral("2F5496")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading1"), QStringLiteral("heading 1"), normal, normal, headingFormat(0, 480),
         runFormat(32, true, QStringLiteral("1F3864")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading1NewPage"), QStringLiteral("Heading 1, New Page"), QStringLiteral("Heading1"), normal,
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:pageBreakBefore")); }, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading2"), QStringLiteral("heading 2"), normal, normal, headingFormat(1, 360),
         runFormat(28, true, QStringLiteral("2F5496")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading3"), QStringLiteral("heading 3"), normal, normal, headingFormat(2, 280),
         runFormat(24, true), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Label"), QStringLiteral("Label"), normal, normal,
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:keepNext")); }, runFormat(22, true), {}},
        // Empty paragraphs ruled underneath for handwriting; w:between rules each of a run
        // of them, which a bottom border alone would not.
        {QStringLiteral("paragraph"), QStringLiteral("WritingLine"), QStringLiteral("Writing Line"), normal, QStringLiteral("WritingLine"),
         [](QXmlStreamWriter &w) {
             w.writeEmptyElement(QStringLiteral("w:keepNext"));
             w.writeStartElement(QStringLiteral("w:pBdr"));
             writeBorders(w, {QStringLiteral("bottom"), QStringLiteral("between")}, QStringLiteral("808080"));
             w.writeEndElement();
             element(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QStringLiteral("0")}, {QStringLiteral("w:after"), QStringLiteral("0")},
                                                      {QStringLiteral("w:line"), QStringLiteral("560")}, {QStringLiteral("w:lineRule"), QStringLiteral("exact")}});
         },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("WritingLineEnd"), QStringLiteral("Writing Line End"), QStringLiteral("WritingLine"), normal,
         [](QXmlStreamWriter &w) { element(w, QStringLiteral("w:keepNext"), {{QStringLiteral("w:val"), QStringLiteral("0")}}); },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("TableText"), QStringLiteral("Table Text"), normal, QStringLiteral("TableText"),
         [](QXmlStreamWriter &w) {
             element(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QStringLiteral("40")}, {QStringLiteral("w:after"), QStringLiteral("40")}});
         },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("TableHeading"), QStringLiteral("Table Heading"), QStringLiteral("TableText"), QStringLiteral("TableText"),
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:keepNext")); }, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Header"), QStringLiteral("header"), normal, QStringLiteral("Header"),
         [](QXmlStreamWriter &w) {
             w.writeStartElement(QStringLiteral("w:pBdr"));
             writeBorders(w, {QStringLiteral("bottom")}, QStringLiteral("A6A6A6"));
             w.writeEndElement();
             element(w, QStringLiteral("w:jc"), {{QStringLiteral("w:val"), QStringLiteral("right")}});
         },
         runFormat(16, false, QStringLiteral("595959")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Footer"), QStringLiteral("footer"), normal, QStringLiteral("Footer"),
         [](QXmlStreamWriter &w) { element(w, QStringLiteral("w:jc"), {{QStringLiteral("w:val"), QStringLiteral("center")}}); },
         runFormat(18, false, QStringLiteral("595959")), {}},
        {QStringLiteral("character"), QStringLiteral("Hyperlink"), QStringLiteral("Hyperlink"), {}, {}, {},
         [](QXmlStreamWriter &w) {
             element(w, QStringLiteral("w:color"), {{QStringLiteral("w:val"), QStringLiteral("0563C1")}});
             element(w, QStringLiteral("w:u"), {{QStringLiteral("w:val"), QStringLiteral("single")}});
         },
         {}},
        {QStringLiteral("table"), QStringLiteral("WorksheetTable"), QStringLiteral("Worksheet Table"), {}, {}, {}, {},
         [](QXmlStreamWriter &w) {
             w.writeStartElement(QStringLiteral("w:tblBorders"));
             writeBorders(w, {QStringLiteral("top"), QStringLiteral("left"), QStringLiteral("bottom"), QStringLiteral("right"),
                              QStringLiteral("insideH"), QStringLiteral("insideV")}, QStringLiteral("7F7F7F"));
             w.writeEndElement();
             w.writeStartElement(QStringLiteral("w:tblCellMar"));
             for (const char *side : {"top", "left", "bottom", "right"})
                 element(w, QStringLiteral("w:") + QLatin1String(side), {{QStringLiteral("w:w"), QStringLiteral("85")}, {QStringLiteral("w:type"), QStringLiteral("dxa")}});
             w.writeEndElement();
         }},
    };
    for (const StyleSpec &style : styles) {
        x.writeStartElement(QStringLiteral("w:style"));
        x.writeAttribute(QStringLiteral("w:type"), style.type);
        x.writeAttribute(QStringLiteral("w:styleId"), style.id);
        if (style.id == normal)
            x.writeAttribute(QStringLiteral("w:default"), QStringLiteral("1"));
        element(x, QStringLiteral("w:name"), {{QStringLiteral("w:val"), style.name}});
        if (!style.basedOn.isEmpty())
            element(x, QStringLiteral("w:basedOn"), {{QStringLiteral("w:val"), style.basedOn}});
        if (!style.next.isEmpty())
            element(x, QStringLiteral("w:next"), {{QStringLiteral("w:val"), style.next}});
        x.writeEmptyElement(QStringLiteral("w:qFormat"));
        for (const auto &[tag, children] : {std::pair{"w:pPr", style.paragraph}, std::pair{"w:rPr", style.run}, std::pair{"w:tblPr", style.table}}) {
            if (!children)
                continue;
            x.writeStartElement(QLatin1String(tag));
            children(x);
            x.writeEndElement();
        }
        x.writeEndElement();  // w:style
    }
    x.writeEndDocument();
    return bytes;
}

// The parts zipped in memory, so that nothing reaches the disk before it is complete.
bool zipParts(const QList<std::pair<QString, QByteArray>> &parts, QByteArray *zipped, QString *error)
{
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &zipError);
    zip_t *archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &zipError) : nullptr;
    if (!archive) {
        *error = QStringLiteral("cannot build the document: %1").arg(QString::fromUtf8(zip_error_strerror(&zipError)));
        zip_source_free(buffer);
        zip_error_fini(&zipError);
        return false;
    }
    zip_error_fini(&zipError);
    zip_source_keep(buffer);  // read back after zip_close()
    for (const auto &[name, bytes] : parts) {
        zip_source_t *source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source || zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            *error = QStringLiteral("cannot build the document: %1").arg(QString::fromUtf8(zip_strerror(archive)));
            zip_source_free(source);
            zip_discard(archive);
            zip_source_free(buffer);
            return false;
        }
    }
    if (zip_close(archive) < 0) {
        *error = QStringLiteral("cannot build the document: %1").arg(QString::fromUtf8(zip_strerror(archive)));
        zip_discard(archive);
        zip_source_free(buffer);
        return false;
    }
    bool ok = zip_source_open(buffer) == 0;
    if (ok) {
        ok = zip_source_seek(buffer, 0, SEEK_END) == 0;
        const zip_int64_t size = ok ? zip_source_tell(buffer) : -1;
        ok = size >= 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0;
        if (ok) {
            zipped->resize(qsizetype(size));
            ok = zip_source_read(buffer, zipped->data(), zip_uint64_t(size)) == size;
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (!ok)
        *error = QStringLiteral("cannot build the document in memory");
    return ok;
}

}  // namespace

bool DocxWorksheetWriter::write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error)
{
    if (QFileInfo(path).isDir()) {
        *error = QStringLiteral("cannot write %1: it is a folder").arg(path);
        return false;
    }
    BodyParts body;
    const QByteArray document = documentXml(doc, size, body);  // first: it collects links and lists for the parts below
    QList<std::pair<QString, QByteArray>> parts = {
        {QStringLiteral("[Content_Types].xml"), contentTypesXml()},
        {QStringLiteral("_rels/.rels"), packageRelsXml()},
        {QStringLiteral("word/document.xml"), document},
        {QStringLiteral("word/_rels/document.xml.rels"), documentRelsXml(body)},
        {QStringLiteral("word/styles.xml"), stylesXml()},
        {QStringLiteral("word/numbering.xml"), numberingXml(body.orderedLists)},
        {QStringLiteral("word/header1.xml"), headerXml(doc)},
        {QStringLiteral("word/footer1.xml"), footerXml()},
        {QStringLiteral("docProps/core.xml"), coreXml(doc)},
        {QStringLiteral("docProps/app.xml"), appXml()},
    };
    for (qsizetype i = 0; i < body.pictures.size(); ++i)
        parts.append({QStringLiteral("word/") + pictureFileName(*body.pictures[i], i), body.pictures[i]->bytes});
    QByteArray zipped;
    if (!zipParts(parts, &zipped, error))
        return false;
    // The file appears, or replaces an older one, only once it is complete.
    QString reason;
    if (!AtomicFile::write(path, zipped, &reason)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
        return false;
    }
    return true;
}
