#pragma once

#include "ExportDocument.h"
#include "WebPdfJob.h"

#include <QPageSize>

// Writes a worksheet export as PDF: WorksheetHtml laid out and printed by Qt WebEngine in
// an offline profile (WebPdfJob); then, once the page count is known, the page chrome
// (running header, "Page n of N") printed the same way and drawn over it, with bookmarks,
// by PdfFinisher. The file appears only when the whole PDF was written; a failed export
// leaves the target as it was.
class PdfWorksheetWriter : public WebPdfJob
{
    Q_OBJECT
public:
    explicit PdfWorksheetWriter(QObject *parent = nullptr);

    // Starts writing to `path`; finished() follows once, always after start() returns.
    // One export at a time per writer.
    void start(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size);
    // The same, into pdf() instead of a file (for standard output).
    void startInMemory(const ExportDocument &doc, QPageSize::PageSizeId size);

    // Write and wait (a local event loop; needs a QGuiApplication). False + *error on failure.
    static bool write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error);
    static bool writeInMemory(const ExportDocument &doc, QPageSize::PageSizeId size, QByteArray *pdf, QString *error);

private:
    void startJob(const ExportDocument &doc, QPageSize::PageSizeId size, const QString &path, bool inMemory);
    void loaded() override;
    void printed(const QByteArray &pdf) override;

    enum class Stage { Content, Chrome };

    QPageSize::PageSizeId m_size = QPageSize::A4;
    Stage m_stage = Stage::Content;
    ExportDocument m_document;
    QByteArray m_content;  // the printed document, while its chrome is printed
};
