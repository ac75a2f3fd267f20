#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWebEngineView;

// When a web view last put a frame on screen: Qt WebEngine 6.4 draws each page frame
// through the Qt Quick scene of its render widget, so that scene's afterRendering is the
// moment a change becomes visible.
class FramePaintWatch : public QObject
{
    Q_OBJECT
public:
    FramePaintWatch(QWebEngineView *view, const QElapsedTimer &clock);

    // Processes events until a frame is rendered after `sinceMs` (clock time); its time, or
    // -1 after timeoutMs.
    double waitForFrameAfter(double sinceMs, int timeoutMs = 5000);

private:
    void attach();

    QWebEngineView *m_view;
    const QElapsedTimer &m_clock;
    QObject *m_attachedTo = nullptr;
    double m_lastFrameMs = -1;
};
