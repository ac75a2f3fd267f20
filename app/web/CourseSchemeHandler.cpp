#include "CourseSchemeHandler.h"

#include "WebLog.h"

#include "CourseFileReader.h"
#include "CourseUrl.h"
#include "MediaFormat.h"

#include <QBuffer>
#include <QFile>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace {
constexpr qint64 kServedFileLimit = qint64(1) << 30;  // 1 GiB
}  // namespace

CourseSchemeHandler::CourseSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{
}

void CourseSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme scheme(CourseUrl::scheme);
    // A host (CourseUrl::host) makes the course one site: its pages share a renderer and a
    // page turn stays in it, as fast as setHtml. Without one, each page was a new document host.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure and local: pages may load their own course: files, and no web origin may load them.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
                    | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
}

void CourseSchemeHandler::setCourse(std::shared_ptr<const Course> course)
{
    m_course = std::move(course);
    m_renderer = m_course ? std::make_unique<PageRenderer>(*m_course, m_options) : nullptr;
}

void CourseSchemeHandler::setRenderOptions(const PageRenderer::Options &options)
{
    m_options = options;
    setCourse(m_course);
}

void CourseSchemeHandler::setSlides(const QString &moduleId, const QByteArray &html)
{
    m_slidesModule = moduleId;
    m_slides = html;
}

CourseSchemeHandler::Answer CourseSchemeHandler::answer(const QUrl &url) const
{
    const auto refusal = [](QWebEngineUrlRequestJob::Error error, const QString &reason) { return Answer{{}, {}, error, reason}; };
    const auto served = [](const QByteArray &mimeType, const QByteArray &data) {
        return Answer{mimeType, data, QWebEngineUrlRequestJob::NoError, QString()};
    };
    QString rest;
    switch (CourseUrl::parse(url, &rest)) {
    case CourseUrl::Kind::Page: {
        const CoursePage *page = m_course ? m_course->findPage(rest) : nullptr;
        if (!page)
            return refusal(QWebEngineUrlRequestJob::UrlNotFound, QStringLiteral("no such page"));
        return served("text/html;charset=utf-8", m_renderer->render(*page).documentHtml.toUtf8());
    }
    case CourseUrl::Kind::File: {
        if (!m_course)
            return refusal(QWebEngineUrlRequestJob::UrlNotFound, QStringLiteral("no course"));
        // The same jail the loader reads through: a regular file inside the course, bounded
        // (the page holds what it is served in memory; a course video is far below the limit).
        const CourseFileReader::Result file = CourseFileReader(m_course->rootPath, kServedFileLimit).read(rest);
        if (!file.isRead())
            return refusal(file.outcome == CourseFileReader::Outcome::Missing ? QWebEngineUrlRequestJob::UrlNotFound
                                                                              : QWebEngineUrlRequestJob::RequestDenied,
                           file.problem);
        // Sound and video go by the web's names for them ("audio/ogg"), which the engine knows.
        return served(MediaFormat::servedType(QMimeDatabase().mimeTypeForFileNameAndData(rest, file.bytes)), file.bytes);
    }
    case CourseUrl::Kind::App: {
        QFile resource(QStringLiteral(":/resources/") + rest);
        if (rest.contains(QLatin1Char('/')) || !resource.open(QIODevice::ReadOnly))
            return refusal(QWebEngineUrlRequestJob::UrlNotFound, QStringLiteral("no such app resource"));
        return served(QMimeDatabase().mimeTypeForFile(rest, QMimeDatabase::MatchExtension).name().toUtf8(), resource.readAll());
    }
    case CourseUrl::Kind::Slides:
        if (m_slidesModule.isEmpty() || rest != m_slidesModule)
            return refusal(QWebEngineUrlRequestJob::UrlNotFound, QStringLiteral("that module is not being presented"));
        return served("text/html;charset=utf-8", m_slides);
    case CourseUrl::Kind::Activity:
    case CourseUrl::Kind::Invalid:
        break;
    }
    return refusal(QWebEngineUrlRequestJob::UrlInvalid, QStringLiteral("not a course page or file"));
}

void CourseSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const Answer answered = job->requestMethod() == "GET"
        ? answer(url)
        : Answer{{}, {}, QWebEngineUrlRequestJob::RequestDenied, QStringLiteral("only GET is served")};
    if (answered.error != QWebEngineUrlRequestJob::NoError) {
        qCInfo(lcWeb).noquote() << "refused" << url.toDisplayString() << "-" << answered.refusal;
        emit requestRefused(url, answered.refusal);
        job->fail(answered.error);
        return;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(answered.data);
    job->reply(answered.mimeType, buffer);
}
