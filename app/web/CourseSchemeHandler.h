#pragma once

#include "Course.h"
#include "PageRenderer.h"

#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlSchemeHandler>

#include <memory>

// Serves the `course:` scheme (see CourseUrl): rendered pages, files under the course
// root and nothing else, the app's own stylesheet, and the slides of the module being
// presented. Every refusal is reported.
class CourseSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit CourseSchemeHandler(QObject *parent = nullptr);

    // Registers the course: scheme and how its pages share a renderer process. Must run
    // before the QApplication exists.
    static void registerScheme();

    void setCourse(std::shared_ptr<const Course> course);
    void setRenderOptions(const PageRenderer::Options &options);
    const PageRenderer::Options &renderOptions() const { return m_options; }
    // The course's renderer as its pages are served, for the window to share: building one
    // reads the whole course's addresses (some 40 ms on 10,000 pages). Null with no course.
    const PageRenderer *renderer() const { return m_renderer.get(); }
    // The slides served at CourseUrl::slides(moduleId) until cleared: a document too big for
    // setHtml(), and one that must keep the course: origin to show the course's pictures.
    void setSlides(const QString &moduleId, const QByteArray &html);
    void clearSlides() { setSlides(QString(), QByteArray()); }

    // What a GET of `url` is answered with: the bytes and their type, or why it is refused.
    struct Answer {
        QByteArray mimeType;
        QByteArray data;
        QWebEngineUrlRequestJob::Error error = QWebEngineUrlRequestJob::NoError;
        QString refusal;
    };
    Answer answer(const QUrl &url) const;

    void requestStarted(QWebEngineUrlRequestJob *job) override;

signals:
    void requestRefused(const QUrl &url, const QString &reason);

private:
    std::shared_ptr<const Course> m_course;
    PageRenderer::Options m_options;
    std::unique_ptr<PageRenderer> m_renderer;  // rebuilt when the course or options change
    QString m_slidesModule;
    QByteArray m_slides;
};
