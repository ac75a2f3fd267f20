#include "ZoomControl.h"

#include "NavigationTree.h"
#include "PageView.h"
#include "ThemeSwitcher.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace {
const QString kZoom = QStringLiteral("view/zoom");
constexpr double kZoomStep = 1.1;
constexpr double kMaxPaneZoom = 2.0;
}  // namespace

ZoomControl::ZoomControl(PageView *view, NavigationTree *tree, ThemeSwitcher *themes, QStatusBar *status, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_tree(tree)
    , m_themes(themes)
    , m_status(status)
    , m_in(new QAction(tr("Zoom &In"), this))
    , m_out(new QAction(tr("Zoom &Out"), this))
    , m_reset(new QAction(tr("&Actual Size"), this))
{
    m_in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_in, &QAction::triggered, this, [this] { setZoom(m_view->zoom() * kZoomStep); });
    m_out->setShortcuts(QKeySequence::ZoomOut);
    connect(m_out, &QAction::triggered, this, [this] { setZoom(m_view->zoom() / kZoomStep); });
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_reset, &QAction::triggered, this, [this] { setZoom(1.0); });
}

void ZoomControl::addTo(QMenu *view, QToolBar *toolbar)
{
    view->addAction(m_in);
    view->addAction(m_out);
    view->addAction(m_reset);
    toolbar->addAction(m_out);
    toolbar->addAction(m_in);
}

void ZoomControl::restore()
{
    m_view->setZoom(QSettings().value(kZoom, 1.0).toDouble());
    applyToPanes();
}

void ZoomControl::setZoom(double factor)
{
    m_view->setZoom(factor);
    applyToPanes();
    QSettings().setValue(kZoom, m_view->zoom());
    m_status->showMessage(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)), 2000);
}

void ZoomControl::applyToPanes()
{
    const double scale = qBound(1.0, m_view->zoom(), kMaxPaneZoom);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * scale);
    m_tree->setFont(font);
    m_themes->setTextScale(scale);
}
