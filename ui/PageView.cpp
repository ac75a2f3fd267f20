#include "PageView.h"

#include "CourseWebPage.h"
#include "OfflineWebProfile.h"

#include <QChildEvent>
#include <QKeyEvent>

PageView::PageView(OfflineWebProfile *profile, QWidget *parent)
    : QWebEngineView(parent)
    , m_page(new CourseWebPage(profile, this))
{
    setPage(m_page);
    setAccessibleName(tr("Page"));
    setContextMenuPolicy(Qt::NoContextMenu);
    // Chromium resets the zoom when a new document loads; keep the reader's choice.
    connect(this, &QWebEngineView::loadFinished, this, [this] { page()->setZoomFactor(m_zoom); });
}

void PageView::setZoom(double factor)
{
    m_zoom = qBound(kMinZoom, factor, kMaxZoom);
    page()->setZoomFactor(m_zoom);
    emit zoomChanged(m_zoom);
}

bool PageView::event(QEvent *event)
{
    // Key events reach the render widget WebEngine creates as our child: watch it.
    if (event->type() == QEvent::ChildAdded) {
        if (QObject *child = static_cast<QChildEvent *>(event)->child(); child && child->isWidgetType())
            child->installEventFilter(this);
    }
    return QWebEngineView::event(event);
}

bool PageView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier && (key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp)) {
            const double y = page()->scrollPosition().y();
            const double visible = double(height()) / m_zoom;
            const double content = page()->contentsSize().height();
            if (key->key() == Qt::Key_PageDown && y + visible >= content - 2) {
                emit pastEnd();
                return true;
            }
            if (key->key() == Qt::Key_PageUp && y <= 0.5) {
                emit pastStart();
                return true;
            }
        }
    }
    return QWebEngineView::eventFilter(watched, event);
}
