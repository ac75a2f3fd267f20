#include "CourseSearchPanel.h"

#include "SearchResultList.h"
#include "StatusLabel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QVBoxLayout>

#include <utility>

namespace {
constexpr int kMaxWidth = 680;
constexpr int kTopOffset = 8;
}  // namespace

CourseSearchPanel::CourseSearchPanel(QWidget *window)
    : QFrame(window)
    , m_field(new QLineEdit(this))
    , m_status(new StatusLabel(tr("Search results"), this))
    , m_results(new SearchResultList(this))
{
    setObjectName(QStringLiteral("courseSearch"));
    setAccessibleName(tr("Search the course"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    auto *label = new QLabel(tr("&Search the course and your answers and notes:"), this);
    label->setBuddy(m_field);
    m_field->setAccessibleName(tr("Search course"));
    m_field->setPlaceholderText(tr("Words to find"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_results->installEventFilter(this);
    layout->addWidget(label);
    layout->addWidget(m_field);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &CourseSearchPanel::requestSearch);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_results, &SearchResultList::hitActivated, this, [this](const SearchHit &hit) {
        hide();  // the focus goes to the page the hit opens, not back
        emit hitActivated(hit, m_field->text());
    });
    window->installEventFilter(this);  // follows the window's size
    hide();
}

void CourseSearchPanel::open()
{
    QWidget *focus = QApplication::focusWidget();
    if (!isVisible())
        m_focusBefore = focus && !isAncestorOf(focus) ? focus : nullptr;
    place();
    show();
    raise();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    requestSearch();  // the index may have changed since (an answer saved)
}

void CourseSearchPanel::close()
{
    hide();
    m_debounce.stop();
    if (m_focusBefore)
        m_focusBefore->setFocus(Qt::OtherFocusReason);
}

void CourseSearchPanel::setIndexReady(bool ready)
{
    m_indexReady = ready;
    if (ready && isVisible())
        requestSearch();
}

void CourseSearchPanel::requestSearch()
{
    m_debounce.stop();
    const QString text = m_field->text();
    if (text.trimmed().isEmpty()) {
        m_awaited = ++m_lastRequest;  // an answer still on its way is not wanted now
        m_results->setHits({});
        m_status->announce(tr("Type words to search the course, your answers and your notes."));
        return;
    }
    if (!m_indexReady) {
        m_status->announce(tr("Indexing the course… results follow when it is done."));
        return;
    }
    emit searchRequested(++m_lastRequest, text);
}

void CourseSearchPanel::showResults(quint64 requestId, const QString &, const QVector<SearchHit> &hits)
{
    if (requestId != m_lastRequest)
        return;  // typed on since
    m_awaited = requestId;
    m_results->setHits(hits);
    if (std::exchange(m_openWhenShown, false) && m_results->currentHit())
        return emit m_results->hitActivated(*m_results->currentHit());
    m_status->announce(hits.isEmpty() ? tr("No results") : hits.size() == 1 ? tr("1 result") : tr("%1 results").arg(hits.size()));
    emit resultsShown(int(hits.size()));
}

void CourseSearchPanel::showFailure(const QString &message)
{
    m_results->setHits({});
    m_status->announce(tr("Search failed: %1").arg(message));
}

void CourseSearchPanel::place()
{
    const QWidget *window = parentWidget();
    // Under the menu bar, which stays in reach.
    const auto *mainWindow = qobject_cast<const QMainWindow *>(window);
    const int top = (mainWindow && mainWindow->menuWidget() ? mainWindow->menuWidget()->geometry().bottom() : 0) + kTopOffset;
    const int width = qMin(kMaxWidth, window->width() - 2 * kTopOffset);
    const int height = qMin(window->height() * 2 / 3, window->height() - top - kTopOffset);
    setGeometry((window->width() - width) / 2, top, width, height);
}

void CourseSearchPanel::activateCurrent()
{
    if (m_debounce.isActive() || m_awaited != m_lastRequest) {
        m_openWhenShown = true;  // Enter before the results caught up: the first hit, once they come
        if (m_debounce.isActive())
            requestSearch();
    } else if (const SearchHit *hit = m_results->currentHit())
        emit m_results->hitActivated(*hit);
}

bool CourseSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget()) {
        if (event->type() == QEvent::Resize && isVisible())
            place();
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        close();
        return true;
    case Qt::Key_Return: case Qt::Key_Enter:
        activateCurrent();
        return true;
    case Qt::Key_Down: case Qt::Key_Up:
        if (watched != m_field)
            return false;
        m_results->moveCurrent(key->key() == Qt::Key_Down ? 1 : -1);
        return true;
    default:
        return false;
    }
}
