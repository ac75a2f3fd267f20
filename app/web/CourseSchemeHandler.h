#pragma once

#include "Course.h"
#include "PageRenderer.h"

#include <QWebEngineUrlSchemeHandler>

#include <memory>

// Serves the `course:` scheme (see CourseUrl): rendered pages, files under the course
// root and nothing else, and the app's own stylesheet. Every refusal is reported.
class CourseSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit CourseSchemeHandler(QObject *parent = nullptr);

    // Must run before the QApplication exists.
    static void registerScheme();

    void setCourse(std::shared_ptr<const Course> course);
    void setRenderOptions(const PageRenderer::Options &options);
    const PageRenderer::Options &renderOptions() const { return m_options; }

    void requestStarted(QWebEngineUrlRequestJob *job) override;

signals:
    void requestRefused(const QUrl &url, const QString &reason);

private:
    std::shared_ptr<const Course> m_course;
    PageRenderer::Options m_options;
    std::unique_ptr<PageRenderer> m_renderer;  // rebuilt when the course or options change
};
