#include "RequestBlocker.h"

#include "CourseUrl.h"

RequestBlocker::RequestBlocker(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

bool RequestBlocker::allows(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == QLatin1String(CourseUrl::scheme) || scheme == QLatin1String("data");
}

void RequestBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (allows(info.requestUrl()))
        return;
    info.block(true);
    m_blocked.append(info.requestUrl());
    emit requestBlocked(info.requestUrl());
}
