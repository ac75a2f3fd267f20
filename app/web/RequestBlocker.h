#pragma once

#include <QUrl>
#include <QVector>
#include <QWebEngineUrlRequestInterceptor>

// Sees every request a course page makes and blocks all but the app's own `course:`
// scheme (and inline data: URLs), so a page can never reach the network or file:.
class RequestBlocker : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit RequestBlocker(QObject *parent = nullptr);

    // Whether a request for `url` may go ahead: only `course:` and inline `data:` may.
    static bool allows(const QUrl &url);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    const QVector<QUrl> &blocked() const { return m_blocked; }

signals:
    void requestBlocked(const QUrl &url);

private:
    QVector<QUrl> m_blocked;
};
