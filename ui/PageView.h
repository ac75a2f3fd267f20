#pragma once

#include <QWebEngineView>

class CourseWebPage;
class OfflineWebProfile;

// The rendered page: zoom kept within readable bounds, and the Page Down / Page Up of
// a presentation clicker turning the page once the reader has reached its end or start.
class PageView : public QWebEngineView
{
    Q_OBJECT
public:
    explicit PageView(OfflineWebProfile *profile, QWidget *parent = nullptr);

    CourseWebPage *coursePage() const { return m_page; }
    void setZoom(double factor);
    double zoom() const { return m_zoom; }

    static constexpr double kMinZoom = 0.5;
    static constexpr double kMaxZoom = 3.0;

signals:
    void zoomChanged(double factor);
    void pastEnd();    // Page Down with the end of the page already in view
    void pastStart();  // Page Up at the top of the page

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    CourseWebPage *m_page;
    double m_zoom = 1.0;
};
