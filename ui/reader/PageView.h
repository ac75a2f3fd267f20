#pragma once

#include <QPointer>
#include <QQuickWindow>
#include <QWebEngineView>

#include <functional>

class CourseWebPage;
class OfflineWebProfile;

// The rendered page: zoom kept within readable bounds, the Page Down / Page Up of a
// presentation clicker turning the page once the reader has reached its end or start,
// and the keyboard focus kept where it was when a page turns.
class PageView : public QWebEngineView
{
    Q_OBJECT
public:
    explicit PageView(OfflineWebProfile *profile, QWidget *parent = nullptr);

    CourseWebPage *coursePage() const { return m_page; }
    void setZoom(double factor);
    double zoom() const { return m_zoom; }

    // A screenful down (+1) or up (-1), turning the page at its end or start: what
    // Page Down / Page Up do wherever the focus is, unless an editor takes them.
    void scrollByScreen(int direction);

    static constexpr double kMinZoom = 0.5;
    static constexpr double kMaxZoom = 3.0;

signals:
    void zoomChanged(double factor);
    void pastEnd();    // Page Down with the end of the page already in view
    void pastStart();  // Page Up at the top of the page
    void framePainted();  // a frame of the page was drawn (queued: after the drawing)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    // Measures, then runs `then` (a key that came before the page was measured).
    void measureScrollEdges(const std::function<void()> &then = {});
    void rememberFocus();
    void restoreFocus();
    void watchFrames();  // of the render widget WebEngine made last

    CourseWebPage *m_page;
    double m_zoom = 1.0;
    // Where the scroll stands, in the page's own CSS pixels (so zoom and scroll bars
    // cannot skew it), measured after every scroll, resize and load.
    bool m_atStart = false;
    bool m_atEnd = false;
    bool m_measured = false;
    bool m_loading = false;
    int m_pendingDirection = 0;  // a page key pressed while loading
    int m_loadGeneration = 0;
    QPointer<QWidget> m_focusBeforeLoad;  // outside the view, when a load started
    QPointer<QQuickWindow> m_framesOf;
};
