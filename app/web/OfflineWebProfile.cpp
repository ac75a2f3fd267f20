#include "OfflineWebProfile.h"

#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "RequestBlocker.h"

#include <QWebEngineSettings>

OfflineWebProfile::OfflineWebProfile(QObject *parent)
    : QWebEngineProfile(parent)  // no storage name: off the record
    , m_handler(new CourseSchemeHandler(this))
    , m_blocker(new RequestBlocker(this))
{
    installUrlSchemeHandler(CourseUrl::scheme, m_handler);
    setUrlRequestInterceptor(m_blocker);
    setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    setSpellCheckEnabled(false);

    QWebEngineSettings *s = settings();
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);  // the app's own scripts run in ApplicationWorld
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    // A page turn must not take the keyboard from the contents tree or the Workbook;
    // PageView keeps the focus where the reader had it.
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, true);
}
