#include "PageView.h"

#include "CourseWebPage.h"
#include "OfflineWebProfile.h"

#include <QApplication>
#include <QChildEvent>
#include <QKeyEvent>
#include <QTimer>
#include <QQuickWidget>
#include <QWebEngineScript>

#include <utility>

namespace {
// Runs in the application's script world: course pages themselves run no scripts.
const QString kScrollEdges = QStringLiteral(
    "(function(){const e=document.scrollingElement||document.documentElement;if(!e)return null;"
    "return [e.scrollTop<=1, Math.ceil(e.scrollTop+e.clientHeight)>=e.scrollHeight-2];})()");
}  // namespace

PageView::PageView(OfflineWebProfile *profile, QWidget *parent)
    : QWebEngineView(parent)
    , m_page(new CourseWebPage(profile, this))
{
    setPage(m_page);
    setAccessibleName(tr("Page"));
    setContextMenuPolicy(Qt::NoContextMenu);
    connect(this, &QWebEngineView::loadStarted, this, [this] {
        ++m_loadGeneration;
        m_loading = true;
        m_measured = false;
        rememberFocus();
    });
    connect(this, &QWebEngineView::loadFinished, this, [this] {
        // Chromium resets the zoom when a new document loads; keep the reader's choice.
        page()->setZoomFactor(m_zoom);
        m_loading = false;
        // A Page Down pressed while the page was loading acts on it now.
        measureScrollEdges([this] {
            if (const int direction = std::exchange(m_pendingDirection, 0))
                scrollByScreen(direction);
        });
        restoreFocus();
    });
    connect(m_page, &QWebEnginePage::scrollPositionChanged, this, [this] { measureScrollEdges(); });
    connect(m_page, &QWebEnginePage::contentsSizeChanged, this, [this] { measureScrollEdges(); });
}

void PageView::setZoom(double factor)
{
    m_zoom = qBound(kMinZoom, factor, kMaxZoom);
    page()->setZoomFactor(m_zoom);
    emit zoomChanged(m_zoom);
}

void PageView::measureScrollEdges(const std::function<void()> &then)
{
    const int generation = m_loadGeneration;
    m_page->runJavaScript(kScrollEdges, QWebEngineScript::ApplicationWorld, [this, generation, then](const QVariant &result) {
        if (generation != m_loadGeneration)
            return;  // a page that has gone since
        // No answer (no document yet): nothing to scroll, so both edges are in view.
        const QVariantList edges = result.toList();
        m_atStart = edges.size() != 2 || edges[0].toBool();
        m_atEnd = edges.size() != 2 || edges[1].toBool();
        m_measured = true;
        if (then)
            then();
    });
}

void PageView::scrollByScreen(int direction)
{
    if (m_loading) {
        m_pendingDirection = direction;  // one press kept, not a backlog
        return;
    }
    if (!m_measured)  // pressed before the page was measured: every press counts
        return measureScrollEdges([this, direction] { scrollByScreen(direction); });
    if (direction > 0 && m_atEnd)
        return emit pastEnd();
    if (direction < 0 && m_atStart)
        return emit pastStart();
    m_page->runJavaScript(QStringLiteral("window.scrollBy(0, %1 * Math.max(40, window.innerHeight - 40))").arg(direction),
                          QWebEngineScript::ApplicationWorld);
}

void PageView::rememberFocus()
{
    QWidget *focus = window()->focusWidget();  // also while the window is not active
    const bool inView = focus && (focus == this || isAncestorOf(focus));
    m_focusBeforeLoad = inView ? nullptr : focus;
}

void PageView::restoreFocus()
{
    // A new document can come with a new render widget, and the old one takes the focus
    // with it; or the engine takes the focus from the contents tree. Either way the next
    // key would go nowhere, or to the wrong place: put the focus back where it was. Focus
    // the reader has since moved to another pane stays there.
    QWidget *focus = window()->focusWidget();  // also while the window is not active
    const bool focusInView = focus && (focus == this || isAncestorOf(focus));
    const bool focusLost = !focus || focus == window();
    if (m_focusBeforeLoad && (focusInView || focusLost))
        m_focusBeforeLoad->setFocus(Qt::OtherFocusReason);
    else if (focusLost && isVisible())
        setFocus(Qt::OtherFocusReason);
}

void PageView::watchFrames()
{
    auto *render = qobject_cast<QQuickWidget *>(focusProxy());
    if (!render || render->quickWindow() == m_framesOf)
        return;
    m_framesOf = render->quickWindow();
    connect(m_framesOf, &QQuickWindow::afterRendering, this, &PageView::framePainted, Qt::QueuedConnection);
}

bool PageView::event(QEvent *event)
{
    // Key events reach the render widget WebEngine creates as our child: watch it.
    if (event->type() == QEvent::ChildAdded) {
        if (QObject *child = static_cast<QChildEvent *>(event)->child(); child && child->isWidgetType()) {
            child->installEventFilter(this);
            // It takes the focus for the view: a screen reader names it as the view.
            static_cast<QWidget *>(child)->setAccessibleName(accessibleName());
            // A render widget made for a new document: focus it if the old one had it.
            QTimer::singleShot(0, this, [this] {
                watchFrames();
                restoreFocus();
            });
        }
    }
    return QWebEngineView::event(event);
}

bool PageView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier && (key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp)) {
            const int direction = key->key() == Qt::Key_PageDown ? 1 : -1;
            const bool atEdge = direction > 0 ? m_atEnd : m_atStart;
            // The engine's own scrolling, but for the edges and pages not yet measured.
            if (m_loading || !m_measured || atEdge) {
                scrollByScreen(direction);
                return true;
            }
        }
    }
    return QWebEngineView::eventFilter(watched, event);
}
