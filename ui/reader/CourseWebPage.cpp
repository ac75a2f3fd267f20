#include "CourseWebPage.h"

#include "CourseUrl.h"

CourseWebPage::CourseWebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
}

bool CourseWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const bool clicked = type == NavigationTypeLinkClicked;
    QString rest;
    switch (CourseUrl::parse(url, &rest)) {
    case CourseUrl::Kind::Page:
        return isMainFrame;
    case CourseUrl::Kind::File:
        if (clicked)
            emit courseFileClicked(rest);
        return false;
    case CourseUrl::Kind::Activity:
        if (clicked && url.query() == QLatin1String("export"))
            emit activityExportClicked(rest);
        else if (clicked)
            emit activityClicked(rest);
        return false;
    case CourseUrl::Kind::Slides:
        return isMainFrame && !clicked;  // the presentation loads them; nothing links to them
    case CourseUrl::Kind::App:
    case CourseUrl::Kind::Invalid:
        break;
    }
    const QString scheme = url.scheme();
    if (clicked && (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")))
        emit externalLinkClicked(url);
    return false;
}

QWebEnginePage *CourseWebPage::createWindow(WebWindowType)
{
    // No new windows: a link meant for one is handled like any click, through a page
    // that lives just long enough to receive its navigation request.
    auto *relay = new CourseWebPage(profile(), this);
    connect(relay, &CourseWebPage::externalLinkClicked, this, &CourseWebPage::externalLinkClicked);
    connect(relay, &CourseWebPage::courseFileClicked, this, &CourseWebPage::courseFileClicked);
    connect(relay, &QWebEnginePage::urlChanged, this, [this, relay](const QUrl &url) {
        if (CourseUrl::parse(url, nullptr) == CourseUrl::Kind::Page)
            setUrl(url);
        relay->deleteLater();
    });
    return relay;
}
