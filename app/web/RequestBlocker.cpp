#include "RequestBlocker.h"

#include "CourseUrl.h"

RequestBlocker::RequestBlocker(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

void RequestBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    if (scheme == QLatin1String(CourseUrl::scheme) || scheme == QLatin1String("data"))
        return;
    info.block(true);
    m_blocked.append(info.requestUrl());
    emit requestBlocked(info.requestUrl());
}
