#include "FramePaintWatch.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQuickWidget>
#include <QQuickWindow>
#include <QWebEngineView>

FramePaintWatch::FramePaintWatch(QWebEngineView *view, const QElapsedTimer &clock)
    : m_view(view)
    , m_clock(clock)
{
    attach();
}

void FramePaintWatch::attach()
{
    // The render widget is made with the page and replaced after a renderer restart.
    auto *quick = qobject_cast<QQuickWidget *>(m_view->focusProxy());
    if (!quick || quick == m_attachedTo)
        return;
    m_attachedTo = quick;
    connect(quick->quickWindow(), &QQuickWindow::afterRendering, this,
            [this] { m_lastFrameMs = double(m_clock.nsecsElapsed()) / 1e6; }, Qt::DirectConnection);
}

double FramePaintWatch::waitForFrameAfter(double sinceMs, int timeoutMs)
{
    for (QDeadlineTimer deadline(timeoutMs); !deadline.hasExpired();) {
        attach();
        if (m_lastFrameMs > sinceMs)
            return m_lastFrameMs;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return -1;
}
