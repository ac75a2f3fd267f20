#include "WebPdfJob.h"

#include "ExportLog.h"

#include "AtomicFile.h"
#include "CourseUrl.h"
#include "OfflineWebProfile.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QWebEnginePage>

namespace {

// A sanity bound: a PDF takes seconds; a stuck renderer must not hang the caller.
constexpr int timeoutMs = 60000;

// QWebEnginePage::setHtml() refuses content larger than this (it goes as a data: URL).
constexpr qsizetype maxHtmlBytes = 2 * 1024 * 1024;

}  // namespace

WebPdfJob::WebPdfJob(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(false, tr("The PDF took too long to lay out.")); });
}

WebPdfJob::~WebPdfJob()
{
    m_page.reset();
    delete m_profile;
}

bool WebPdfJob::begin(const QString &path, bool inMemory)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_starting = true;
    m_pdf.clear();
    m_file.reset();
    m_timeout.start();
    // Refused before any layout, so nothing is written for a target that cannot be.
    QString error;
    if (!inMemory) {
        const QFileInfo target(path);
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
    }
    if (!error.isEmpty())
        fail(error);
    return error.isEmpty();
}

void WebPdfJob::ensurePage()
{
    if (m_page)  // one page for every job of this writer, so it never goes inside its own signal
        return;
    m_profile = new OfflineWebProfile;
    m_page = std::make_unique<QWebEnginePage>(m_profile);
    connect(m_page.get(), &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!m_running)
            return;
        if (ok)
            loaded();
        else
            finish(false, tr("The document could not be laid out for printing."));
    });
}

OfflineWebProfile *WebPdfJob::profile()
{
    ensurePage();
    return m_profile;
}

QWebEnginePage *WebPdfJob::page()
{
    ensurePage();
    return m_page.get();
}

void WebPdfJob::load(const QString &html, const QColor &background)
{
    if (html.toUtf8().size() > maxHtmlBytes)
        return fail(tr("The export is too large for one PDF; export a module or a page at a time."));
    m_starting = false;
    page()->setBackgroundColor(background);
    // A course: base URL: the only scheme besides data: that the offline profile lets through,
    // and the document itself fetches nothing.
    m_page->setHtml(html, CourseUrl::app(QStringLiteral("worksheet-export")));
}

void WebPdfJob::load(const QUrl &url, const QColor &background)
{
    m_starting = false;
    page()->setBackgroundColor(background);
    m_page->load(url);
}

void WebPdfJob::print(const QPageLayout &layout)
{
    QPointer<WebPdfJob> self(this);
    m_page->printToPdf([self](const QByteArray &pdf) {
        if (!self || !self->m_running)
            return;
        if (pdf.isEmpty())
            self->finish(false, tr("The web engine could not print the document."));
        else
            self->printed(pdf);
    }, layout);
}

void WebPdfJob::complete(const QByteArray &pdf)
{
    QString reason;
    if (!m_file)
        m_pdf = pdf;
    else if (!AtomicFile::finish(*m_file, pdf, &reason))
        return finish(false, tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file->fileName()), reason));
    finish(true, QString());
}

void WebPdfJob::fail(const QString &error)
{
    // While starting, finished() waits until the start has returned, as promised.
    if (m_starting)
        QMetaObject::invokeMethod(this, [this, error] { finish(false, error); }, Qt::QueuedConnection);
    else
        finish(false, error);
}

void WebPdfJob::finish(bool ok, const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_starting = false;
    m_timeout.stop();
    m_file.reset();  // uncommitted: its temporary file goes, the target stays as it was
    emit finished(ok, error);
}

bool WebPdfJob::runToEnd(WebPdfJob &job, const std::function<void()> &start, QByteArray *pdf, QString *error)
{
    QEventLoop loop;
    bool result = false;
    QObject::connect(&job, &WebPdfJob::finished, &loop, [&](bool ok, const QString &message) {
        result = ok;
        if (!ok)
            qCWarning(lcExport).noquote() << "PDF not written:" << message;
        if (error)
            *error = message;
        loop.quit();
    });
    start();
    loop.exec();
    if (pdf)
        *pdf = job.pdf();
    return result;
}
