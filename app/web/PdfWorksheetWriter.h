#pragma once

#include "ExportDocument.h"

#include <QObject>
#include <QPageSize>
#include <QTimer>

#include <memory>

class OfflineWebProfile;
class QSaveFile;
class QWebEnginePage;

// Writes a worksheet export as PDF: WorksheetHtml laid out and printed by Qt WebEngine in
// an offline profile; then, once the page count is known, the page chrome (running header,
// "Page n of N") printed the same way and drawn over it, with bookmarks, by PdfFinisher.
// The file appears only when the whole PDF was written; a failed export leaves the target
// as it was.
class PdfWorksheetWriter : public QObject
{
    Q_OBJECT
public:
    explicit PdfWorksheetWriter(QObject *parent = nullptr);
    ~PdfWorksheetWriter() override;

    // Starts writing to `path`; finished() follows once, always after start() returns.
    // One export at a time per writer.
    void start(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size);
    // The same, into pdf() instead of a file (for standard output).
    void startInMemory(const ExportDocument &doc, QPageSize::PageSizeId size);
    bool isRunning() const { return m_running; }
    QByteArray pdf() const { return m_pdf; }  // after finished(true) from startInMemory()

    // Write and wait (a local event loop; needs a QGuiApplication). False + *error on failure.
    static bool write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error);
    static bool writeInMemory(const ExportDocument &doc, QPageSize::PageSizeId size, QByteArray *pdf, QString *error);

signals:
    void finished(bool ok, const QString &error);

private:
    void begin(const ExportDocument &doc, QPageSize::PageSizeId size, const QString &error);
    void print();
    void printed(const QByteArray &pdf);
    void finish(bool ok, const QString &error);

    enum class Stage { Content, Chrome };

    std::unique_ptr<QSaveFile> m_file;  // null when writing in memory
    std::unique_ptr<QWebEnginePage> m_page;  // goes before the profile it lives in
    OfflineWebProfile *m_profile = nullptr;
    QPageSize::PageSizeId m_size = QPageSize::A4;
    Stage m_stage = Stage::Content;
    ExportDocument m_document;
    QByteArray m_content;  // the printed document, while its chrome is printed
    QByteArray m_pdf;      // the finished document, when written in memory
    QTimer m_timeout;
    bool m_running = false;
};
