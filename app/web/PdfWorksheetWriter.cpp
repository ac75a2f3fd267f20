#include "PdfWorksheetWriter.h"

#include "ExportLog.h"

#include "AtomicFile.h"
#include "CourseUrl.h"
#include "OfflineWebProfile.h"
#include "PdfFinisher.h"
#include "WorksheetHtml.h"

#include <QColor>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPointer>
#include <QSaveFile>
#include <QWebEnginePage>

#include <functional>

namespace {

// A sanity bound: a worksheet PDF takes seconds; a stuck renderer must not hang the caller.
constexpr int timeoutMs = 60000;

// QWebEnginePage::setHtml() refuses content larger than this (it goes as a data: URL).
constexpr qsizetype maxHtmlBytes = 2 * 1024 * 1024;

}  // namespace

PdfWorksheetWriter::PdfWorksheetWriter(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(false, tr("The PDF took too long to lay out.")); });
}

PdfWorksheetWriter::~PdfWorksheetWriter()
{
    m_page.reset();
    delete m_profile;
}

void PdfWorksheetWriter::start(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size)
{
    // Refused before any layout, so nothing is written for a target that cannot be.
    const QFileInfo target(path);
    QString error;
    if (path.isEmpty())
        error = tr("No file name was given for the PDF.");
    else if (target.isDir())
        error = tr("%1 is a folder, not a file name.").arg(QDir::toNativeSeparators(path));
    else if (!target.absoluteDir().exists())
        error = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath()));
    if (error.isEmpty()) {
        // QSaveFile writes a temporary file next to the target and renames it on commit.
        m_file = std::make_unique<QSaveFile>(path);
        QString reason;
        if (!AtomicFile::open(*m_file, &reason))
            error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    }
    begin(doc, size, error);
}

void PdfWorksheetWriter::startInMemory(const ExportDocument &doc, QPageSize::PageSizeId size)
{
    m_file.reset();
    begin(doc, size, QString());
}

void PdfWorksheetWriter::begin(const ExportDocument &doc, QPageSize::PageSizeId size, const QString &targetError)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_size = size;
    m_stage = Stage::Content;
    m_document = doc;
    m_content.clear();
    m_pdf.clear();
    m_timeout.start();

    QString error = targetError;
    const QString html = WorksheetHtml::document(doc, size == QPageSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4"));
    if (error.isEmpty() && html.toUtf8().size() > maxHtmlBytes)
        error = tr("The export is too large for one PDF; export a module or a page at a time.");
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, error] { finish(false, error); }, Qt::QueuedConnection);
        return;
    }

    if (!m_page) {  // one page for every export of this writer, so it never goes inside its own signal
        m_profile = new OfflineWebProfile;
        m_page = std::make_unique<QWebEnginePage>(m_profile);
        connect(m_page.get(), &QWebEnginePage::loadFinished, this, [this](bool ok) {
            if (!m_running)
                return;
            if (ok)
                print();
            else
                finish(false, tr("The worksheet could not be laid out for printing."));
        });
    }
    m_page->setBackgroundColor(Qt::white);
    // A course: base URL: the only scheme besides data: that the offline profile lets through,
    // and the document itself fetches nothing.
    m_page->setHtml(html, CourseUrl::app(QStringLiteral("worksheet-export")));
}

void PdfWorksheetWriter::print()
{
    // The document has its margins from its own @page rule; the chrome covers whole sheets.
    const QMarginsF margins = m_stage == Stage::Content ? QMarginsF(16, 18, 16, 20) : QMarginsF();
    const QPageLayout layout(QPageSize(m_size), QPageLayout::Portrait, margins, QPageLayout::Millimeter);
    QPointer<PdfWorksheetWriter> self(this);
    m_page->printToPdf([self](const QByteArray &pdf) {
        if (self && self->m_running)
            self->printed(pdf);
    }, layout);
}

void PdfWorksheetWriter::printed(const QByteArray &pdf)
{
    if (pdf.isEmpty())
        return finish(false, tr("The web engine could not print the worksheet."));
    QString error;
    if (m_stage == Stage::Content) {
        const int pages = PdfFinisher::pageCount(pdf, &error);
        if (pages < 1)
            return finish(false, error);
        m_content = pdf;
        m_stage = Stage::Chrome;
        m_page->setBackgroundColor(Qt::transparent);  // else the chrome's white page would hide the content
        m_page->setHtml(WorksheetHtml::pageChrome(m_document, QPageSize(m_size).size(QPageSize::Millimeter), pages),
                        CourseUrl::app(QStringLiteral("worksheet-export")));
        return;
    }
    const PdfFinisher::Properties properties{m_document.courseTitle + QStringLiteral(": ") + m_document.scopeTitle,
                                             m_document.learner.trimmed(),
                                             m_document.blank ? tr("Blank worksheet") : tr("Worksheet answers")};
    const QByteArray finished = PdfFinisher::finish(m_content, pdf, WorksheetHtml::outline(m_document), properties, &error);
    if (finished.isEmpty())
        return finish(false, error);
    QString reason;
    if (!m_file)
        m_pdf = finished;
    else if (!AtomicFile::finish(*m_file, finished, &reason))
        return finish(false, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file->fileName()), reason));
    finish(true, QString());
}

void PdfWorksheetWriter::finish(bool ok, const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_content.clear();
    m_file.reset();  // uncommitted: its temporary file goes, the target stays as it was
    emit finished(ok, error);
}

namespace {

// Runs `starter` on a writer of its own and waits for it in a local event loop.
bool runToEnd(const std::function<void(PdfWorksheetWriter &)> &starter, QByteArray *pdf, QString *error)
{
    PdfWorksheetWriter writer;
    QEventLoop loop;
    bool result = false;
    QObject::connect(&writer, &PdfWorksheetWriter::finished, &loop, [&](bool ok, const QString &message) {
        result = ok;
        if (!ok)
            qCWarning(lcExport).noquote() << "PDF not written:" << message;
        if (error)
            *error = message;
        loop.quit();
    });
    starter(writer);
    loop.exec();
    if (pdf)
        *pdf = writer.pdf();
    return result;
}

}  // namespace

bool PdfWorksheetWriter::write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error)
{
    return runToEnd([&](PdfWorksheetWriter &writer) { writer.start(doc, path, size); }, nullptr, error);
}

bool PdfWorksheetWriter::writeInMemory(const ExportDocument &doc, QPageSize::PageSizeId size, QByteArray *pdf, QString *error)
{
    return runToEnd([&](PdfWorksheetWriter &writer) { writer.startInMemory(doc, size); }, pdf, error);
}
