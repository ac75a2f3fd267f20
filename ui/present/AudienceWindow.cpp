#include "AudienceWindow.h"

#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "OfflineWebProfile.h"
#include "PresentationController.h"
#include "SlideDocument.h"

#include <QChildEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QVBoxLayout>
#include <QWebEngineScript>
#include <QWebEngineView>
#include <QWheelEvent>

#include <utility>

namespace {
constexpr int kWheelNotch = 120;  // QWheelEvent's eighths of a degree in one notch

QString jsString(const QString &text)
{
    // A JSON string is a JavaScript string literal, whatever the text holds.
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString blankName(PresentationController::Blank blank)
{
    switch (blank) {
    case PresentationController::Blank::Black: return QStringLiteral("black");
    case PresentationController::Blank::White: return QStringLiteral("white");
    case PresentationController::Blank::None: break;
    }
    return QString();
}
}  // namespace

AudienceWindow::AudienceWindow(OfflineWebProfile *profile, PresentationController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_controller(controller)
    , m_view(new QWebEngineView(this))
    , m_page(new CourseWebPage(profile, m_view))
{
    setWindowTitle(tr("Slides – Coursebook"));
    m_view->installEventFilter(this);  // before the page, which makes the render widget
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAccessibleName(tr("Slides"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setFocusProxy(m_view);

    connect(m_view, &QWebEngineView::loadStarted, this, [this] { m_ready = false; });
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        if (!ok)
            return;
        m_page->runJavaScript(SlideDocument::controlScript(), QWebEngineScript::ApplicationWorld);
        m_ready = true;
        showState();
    });
    connect(controller, &PresentationController::currentChanged, this,
            [this](int index) { run(QStringLiteral("coursebookSlides.show(%1)").arg(index)); });
    connect(controller, &PresentationController::blankChanged, this, [this](PresentationController::Blank blank) {
        run(QStringLiteral("coursebookSlides.blank(%1)").arg(jsString(blankName(blank))));
    });
    connect(controller, &PresentationController::overviewChanged, this, [this](bool shown, int selection) {
        run(QStringLiteral("coursebookSlides.overview(%1, %2)").arg(shown ? QStringLiteral("true") : QStringLiteral("false")).arg(selection));
    });
}

AudienceWindow::~AudienceWindow()
{
    // The page must go before the view that shows it.
    m_view->setPage(nullptr);
    delete m_page;
}

void AudienceWindow::load(const QString &moduleId)
{
    m_ready = false;
    m_view->load(CourseUrl::slides(moduleId));
}

void AudienceWindow::setGrid(const QString &activityId, const QString &html)
{
    run(QStringLiteral("coursebookSlides.setGrid(%1, %2)").arg(jsString(activityId), jsString(html)));
}

void AudienceWindow::setCountdown(const QString &text)
{
    m_countdown = text;
    run(QStringLiteral("coursebookSlides.countdown(%1)").arg(jsString(text)));
}

void AudienceWindow::run(const QString &script)
{
    // Before the deck has loaded there is nothing to change: showState() catches up after.
    if (m_ready)
        m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld);
}

void AudienceWindow::showState()
{
    run(QStringLiteral("coursebookSlides.show(%1)").arg(m_controller->current()));
    run(QStringLiteral("coursebookSlides.blank(%1)").arg(jsString(blankName(m_controller->blank()))));
    if (m_controller->overviewShown())
        run(QStringLiteral("coursebookSlides.overview(true, %1)").arg(m_controller->overviewSelection()));
    if (!m_countdown.isEmpty())
        run(QStringLiteral("coursebookSlides.countdown(%1)").arg(jsString(m_countdown)));
}

bool AudienceWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ChildAdded:
        // Keys and the mouse reach the render widget Qt WebEngine makes inside the view.
        if (QObject *child = static_cast<QChildEvent *>(event)->child(); watched == m_view && child->isWidgetType())
            child->installEventFilter(this);
        break;
    case QEvent::KeyPress:
        m_controller->handleKey(static_cast<QKeyEvent *>(event));
        return true;  // the page's own Space, arrows and Tab would scroll it or move a focus ring on the wall
    case QEvent::KeyRelease:
        return true;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::ContextMenu:
        if (watched != m_view)
            return pointer(event);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void AudienceWindow::keyPressEvent(QKeyEvent *event)
{
    if (!m_controller->handleKey(event))
        QWidget::keyPressEvent(event);
}

bool AudienceWindow::focusNextPrevChild(bool)
{
    return false;  // Tab opens the overview
}

void AudienceWindow::pickCard(QPoint point)
{
    // The slides' type is scaled by the document, not the view: view pixels are CSS pixels.
    if (!m_ready)
        return;
    m_page->runJavaScript(QStringLiteral("coursebookSlides.cardAt(%1, %2)").arg(point.x()).arg(point.y()), QWebEngineScript::ApplicationWorld, [this](const QVariant &card) {
        bool ok = false;
        const int index = card.toInt(&ok);
        if (!ok || index < 0 || !m_controller->overviewShown())
            return;
        m_controller->setOverviewShown(false);
        m_controller->goTo(index);
    });
}

bool AudienceWindow::pointer(QEvent *event)
{
    // The mouse acts as the arrow keys do (so a click also brings back a blanked screen): a
    // click or the wheel down is the next slide, a right click or the wheel up the previous
    // one; in the overview a click shows the slide clicked. Nothing is selected or followed.
    int direction = 0;
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && m_controller->overviewShown()
            && m_controller->blank() == PresentationController::Blank::None) {
            pickCard(mouse->position().toPoint());
            return true;
        }
        direction = mouse->button() == Qt::LeftButton ? 1 : mouse->button() == Qt::RightButton ? -1 : 0;
    } else if (event->type() == QEvent::Wheel) {
        m_wheel += static_cast<QWheelEvent *>(event)->angleDelta().y();
        if (qAbs(m_wheel) >= kWheelNotch)
            direction = std::exchange(m_wheel, 0) < 0 ? 1 : -1;
    }
    if (direction != 0) {
        QKeyEvent key(QEvent::KeyPress, direction > 0 ? Qt::Key_Right : Qt::Key_Left, Qt::NoModifier);
        m_controller->handleKey(&key);
    }
    return true;
}
