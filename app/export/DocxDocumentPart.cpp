#include "DocxDocumentPart.h"

#include "DocxBodyWriter.h"
#include "DocxPromptConverter.h"
#include "DocxXml.h"
#include "ExportDocument.h"
#include "KwlLabels.h"
#include "WorksheetGrid.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QSizeF>
#include <QXmlStreamWriter>

#include <algorithm>

namespace {

using Type = WorksheetCell::Type;

constexpr int kRuledLines = 6;
constexpr int kKwlRuledLines = 3;
constexpr int kKwlBlankRows = 5;
constexpr int kKwlRowHeight = 1440;  // one inch: room to write by hand
constexpr int kWorksheetRowHeight = 680;

void writeLearnerLine(QXmlStreamWriter &x, DocxBodyWriter &body, const ExportDocument &doc)
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
    DocxRun label = DocxRun::plain(QStringLiteral("Learner: "));
    label.bold = true;
    body.run(label);
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
        body.run(DocxRun::plain(doc.learner.trimmed()));
    }
    if (doc.date.isValid())
        body.run(DocxRun::plain(QStringLiteral(" · ") + QLocale().toString(doc.date, QLocale::LongFormat)));
    x.writeEndElement();
}

void writeKwlAnswer(DocxBodyWriter &body, const ExportItem &item)
{
    const QJsonObject value = item.answer ? item.answer->value : QJsonObject();
    body.textParagraph(QStringLiteral("Label"), KwlLabels::experience());
    body.learnerText(value.value(QStringLiteral("experience")).toString(), kKwlRuledLines);

    body.startTable(3);
    body.headerRow({QStringLiteral("Know"), QStringLiteral("Want to learn"), QStringLiteral("Learned")});
    const QJsonArray rows = value.value(QStringLiteral("rows")).toArray();
    for (const QJsonValue &row : rows) {
        const QJsonObject r = row.toObject();
        QVector<DocxBodyWriter::Cell> cells;
        for (const char *key : {"know", "want", "learned"})
            cells.append(DocxBodyWriter::Cell{r.value(QLatin1String(key)).toString()});
        body.tableRow(cells, 0);
    }
    for (int written = 0; written < kKwlBlankRows && rows.isEmpty(); ++written)
        body.tableRow(QVector<DocxBodyWriter::Cell>(3), kKwlRowHeight);
    body.endTable();
}

QString ratingChoices(const QStringList &choices)
{
    QStringList boxes;
    for (const QString &choice : choices)
        boxes << QStringLiteral("☐ ") + choice;
    return boxes.join(QStringLiteral("   "));
}

void writeWorksheetAnswer(DocxBodyWriter &body, const ExportItem &item)
{
    const QJsonArray values = item.answer ? item.answer->value.value(QStringLiteral("cells")).toArray() : QJsonArray();
    const WorksheetGrid grid(item.spec);
    const QVector<QVector<WorksheetCell>> layout = grid.layout(values.size());
    const QVector<QVector<QString>> shown = grid.shown(values);
    const int columns = int(grid.columnCount());
    QVector<QVector<DocxBodyWriter::Cell>> rows(layout.size(), QVector<DocxBodyWriter::Cell>(columns));
    for (qsizetype row = 0; row < layout.size(); ++row) {
        for (int column = 0; column < columns; ++column) {
            const WorksheetCell &cell = layout[row][column];
            const QString &text = shown[row][column];
            DocxBodyWriter::Cell &out = rows[row][column];
            switch (cell.type) {
            case Type::Fixed:
                out = DocxBodyWriter::Cell{text, false, true, false};
                break;
            case Type::Editable:
                out.text = text;
                break;
            case Type::Rating:
                out.text = text.isEmpty() ? ratingChoices(cell.choices) : text;  // the choices, to tick by hand
                break;
            case Type::Total:
                out = DocxBodyWriter::Cell{text, false, true, true};
                break;
            }
        }
    }

    body.startTable(columns);
    if (!item.spec.columns.isEmpty()) {
        QStringList titles = item.spec.columns;
        while (titles.size() < columns)
            titles << QString();
        body.headerRow(titles);
    }
    for (qsizetype row = 0; row < layout.size(); ++row) {
        // A row the learner has not written in keeps room to write by hand.
        const bool writable = std::any_of(layout[row].cbegin(), layout[row].cend(), [](const WorksheetCell &cell) {
            return cell.type == Type::Editable || cell.type == Type::Rating;
        });
        bool empty = true;
        for (int column = 0; column < columns; ++column)
            empty = empty && (layout[row][column].type != Type::Editable || rows[row][column].text.trimmed().isEmpty());
        body.tableRow(rows[row], writable && empty ? kWorksheetRowHeight : 0);
    }
    body.endTable();
}

void writeActivity(DocxBodyWriter &body, DocxPromptConverter &prompts, const ExportItem &item)
{
    body.textParagraph(QStringLiteral("Heading3"), item.spec.title.isEmpty() ? ActivitySpec::kindName(item.spec.kind) : item.spec.title);
    // The title keeps with the prompt (Heading 3), the prompt's last paragraph with the answer.
    QVector<DocxParagraph> prompt = prompts.paragraphs(item.spec.promptHtml);
    if (!prompt.isEmpty())
        prompt.last().keepNext = true;
    for (const DocxParagraph &paragraph : prompt)
        body.paragraph(paragraph);
    switch (item.spec.kind) {
    case ActivitySpec::Kind::Kwl:
        writeKwlAnswer(body, item);
        break;
    case ActivitySpec::Kind::Worksheet:
        writeWorksheetAnswer(body, item);
        break;
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        body.learnerText(item.answer ? item.answer->value.value(QStringLiteral("text")).toString() : QString(), kRuledLines);
        break;
    }
}

// "My notes" on a page of its own: a heading per module and page, then the note's text.
void writeNotes(DocxBodyWriter &body, const QVector<ExportNote> &notes)
{
    if (notes.isEmpty())
        return;
    body.textParagraph(QStringLiteral("Heading1NewPage"), QCoreApplication::translate("ExportDocument", "My notes"));
    QString module;
    for (const ExportNote &note : notes) {
        if (note.moduleId != module || module.isEmpty())
            body.textParagraph(QStringLiteral("Heading2"), note.moduleTitle);
        module = note.moduleId;
        if (note.pageTitle != note.moduleTitle)  // the course home is its own "module"
            body.textParagraph(QStringLiteral("Heading3"), note.pageTitle);
        body.learnerText(note.text, 0);
    }
}

void writeSection(QXmlStreamWriter &x, QPageSize::PageSizeId size)
{
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
}

}  // namespace

namespace DocxDocumentPart {

QByteArray xml(const ExportDocument &doc, QPageSize::PageSizeId size, DocxReferences *references)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("w:document"), DocxXml::kWordNamespace, QStringLiteral("w"));
    x.writeAttribute(QStringLiteral("xmlns:r"), DocxXml::kRelNamespace);
    x.writeAttribute(QStringLiteral("xmlns:wp"), QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"));
    x.writeStartElement(QStringLiteral("w:body"));

    DocxBodyWriter body(x);
    DocxPromptConverter prompts;
    body.textParagraph(QStringLiteral("Title"), doc.courseTitle);
    writeLearnerLine(x, body, doc);
    body.textParagraph(QStringLiteral("Scope"), doc.scopeTitle);

    QString module, page;
    for (const ExportItem &item : doc.items) {
        // Each module after the first starts a page, as in the PDF.
        if (item.moduleTitle != module && !item.moduleTitle.isEmpty())
            body.textParagraph(module.isEmpty() ? QStringLiteral("Heading1") : QStringLiteral("Heading1NewPage"), item.moduleTitle);
        if ((item.pageTitle != page || item.moduleTitle != module) && !item.pageTitle.isEmpty())
            body.textParagraph(QStringLiteral("Heading2"), item.pageTitle);
        module = item.moduleTitle;
        page = item.pageTitle;
        writeActivity(body, prompts, item);
    }
    if (doc.items.isEmpty())
        body.textParagraph(QString(), QStringLiteral("No activities."));
    writeNotes(body, doc.notes);

    writeSection(x, size);
    x.writeEndElement();  // w:body
    x.writeEndDocument();
    *references = body.references();
    references->orderedLists = prompts.orderedLists();
    return bytes;
}

}  // namespace DocxDocumentPart
