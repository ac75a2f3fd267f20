#include "PdfWorksheetWriter.h"

#include "PdfFinisher.h"
#include "WorksheetHtml.h"

#include <QColor>
#include <QPageLayout>
#include <QWebEnginePage>

PdfWorksheetWriter::PdfWorksheetWriter(QObject *parent)
    : WebPdfJob(parent)
{
}

void PdfWorksheetWriter::start(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size)
{
    startJob(doc, size, path, false);
}

void PdfWorksheetWriter::startInMemory(const ExportDocument &doc, QPageSize::PageSizeId size)
{
    startJob(doc, size, QString(), true);
}

void PdfWorksheetWriter::startJob(const ExportDocument &doc, QPageSize::PageSizeId size, const QString &path, bool inMemory)
{
    m_size = size;
    m_stage = Stage::Content;
    m_document = doc;
    m_content.clear();
    if (WebPdfJob::begin(path, inMemory))
        load(WorksheetHtml::document(doc, size == QPageSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4")), Qt::white);
}

void PdfWorksheetWriter::loaded()
{
    // The document has its margins from its own @page rule; the chrome covers whole sheets.
    const QMarginsF margins = m_stage == Stage::Content ? QMarginsF(16, 18, 16, 20) : QMarginsF();
    print(QPageLayout(QPageSize(m_size), QPageLayout::Portrait, margins, QPageLayout::Millimeter));
}

void PdfWorksheetWriter::printed(const QByteArray &pdf)
{
    QString error;
    if (m_stage == Stage::Content) {
        const int pages = PdfFinisher::pageCount(pdf, &error);
        if (pages < 1)
            return fail(error);
        m_content = pdf;
        m_stage = Stage::Chrome;
        // Transparent, else the chrome's white page would hide the content.
        return load(WorksheetHtml::pageChrome(m_document, QPageSize(m_size).size(QPageSize::Millimeter), pages), Qt::transparent);
    }
    const PdfFinisher::Properties properties{m_document.courseTitle + QStringLiteral(": ") + m_document.scopeTitle,
                                             m_document.learner.trimmed(),
                                             m_document.blank ? tr("Blank worksheet") : tr("Worksheet answers")};
    const QByteArray finished = PdfFinisher::finish(m_content, pdf, WorksheetHtml::outline(m_document), properties, &error);
    m_content.clear();
    if (finished.isEmpty())
        return fail(error);
    complete(finished);
}

bool PdfWorksheetWriter::write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error)
{
    PdfWorksheetWriter writer;
    return runToEnd(writer, [&] { writer.start(doc, path, size); }, nullptr, error);
}

bool PdfWorksheetWriter::writeInMemory(const ExportDocument &doc, QPageSize::PageSizeId size, QByteArray *pdf, QString *error)
{
    PdfWorksheetWriter writer;
    return runToEnd(writer, [&] { writer.startInMemory(doc, size); }, pdf, error);
}
