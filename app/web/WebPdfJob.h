#pragma once

#include <QByteArray>
#include <QColor>
#include <QObject>
#include <QPageLayout>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class OfflineWebProfile;
class QSaveFile;
class QWebEnginePage;

// What every PDF printed by Qt WebEngine shares (worksheets, slide handouts): the target,
// refused before any layout when it cannot be written, and written whole through QSaveFile
// (a failed export leaves it as it was) or kept in memory for standard output; an offline
// page to lay the HTML out in and print; a time limit; and finished() once, always after the
// start returns. A writer opens the target, loads its HTML, prints it in loaded(), takes
// each print in printed() and ends with complete() or fail().
class WebPdfJob : public QObject
{
    Q_OBJECT
public:
    ~WebPdfJob() override;

    bool isRunning() const { return m_running; }
    QByteArray pdf() const { return m_pdf; }  // after finished(true) of a job in memory

signals:
    void finished(bool ok, const QString &error);

protected:
    explicit WebPdfJob(QObject *parent = nullptr);

    // Starts a job: writing to `path`, or in memory when `path` is null. False when the job
    // has already failed (finished(false) follows, with why).
    bool begin(const QString &path, bool inMemory);
    // Lays out `html` (setHtml() takes at most 2 MB) under a course: URL, or loads `url`
    // (the profile's scheme handler serves course: URLs); loaded() follows.
    void load(const QString &html, const QColor &background);
    void load(const QUrl &url, const QColor &background);
    OfflineWebProfile *profile();
    QWebEnginePage *page();
    void print(const QPageLayout &layout);  // printed() follows

    virtual void loaded() = 0;                        // the HTML is laid out: print it
    virtual void printed(const QByteArray &pdf) = 0;  // never empty
    void complete(const QByteArray &pdf);             // writes the finished PDF and ends the job
    void fail(const QString &error);                  // ends the job; later when still starting

    // Runs `start` on `job` and waits for finished() in a local event loop (needs a
    // QGuiApplication); false + *error on failure.
    static bool runToEnd(WebPdfJob &job, const std::function<void()> &start, QByteArray *pdf, QString *error);

private:
    void finish(bool ok, const QString &error);
    void ensurePage();

    std::unique_ptr<QSaveFile> m_file;       // null when writing in memory
    std::unique_ptr<QWebEnginePage> m_page;  // goes before the profile it lives in
    OfflineWebProfile *m_profile = nullptr;
    QByteArray m_pdf;
    QTimer m_timeout;
    bool m_running = false;
    bool m_starting = false;
};
