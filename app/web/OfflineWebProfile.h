#pragma once

#include <QWebEngineProfile>

class CourseSchemeHandler;
class RequestBlocker;

// The web profile every course page is shown in: off the record (no cookies, cache or
// history on disk), serving only `course:` URLs, blocking every other request, and
// with JavaScript off for pages.
class OfflineWebProfile : public QWebEngineProfile
{
    Q_OBJECT
public:
    explicit OfflineWebProfile(QObject *parent = nullptr);

    CourseSchemeHandler *schemeHandler() const { return m_handler; }
    RequestBlocker *requestBlocker() const { return m_blocker; }

private:
    CourseSchemeHandler *m_handler;
    RequestBlocker *m_blocker;
};
