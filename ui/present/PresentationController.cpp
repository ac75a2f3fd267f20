#include "PresentationController.h"

#include <QKeyEvent>

#include <utility>

using Action = ClickerKeyMap::Action;

PresentationController::PresentationController(QObject *parent)
    : QObject(parent)
{
}

void PresentationController::setDeck(const SlideDeck &deck, int current)
{
    m_deck = deck;
    m_current = qBound(0, current, qMax(0, count() - 1));
    m_overviewSelection = m_current;
    emit currentChanged(m_current);
}

bool PresentationController::handleKey(QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta || key == Qt::Key_AltGr)
        return false;  // half of a key still being typed
    if (m_blank != Blank::None) {
        // Any key brings the slide back, and does nothing else: a facilitator reaching for
        // the clicker's next button must not skip the slide the room has not seen yet.
        m_typedNumber.clear();
        setBlank(Blank::None);
        return true;
    }
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    // Digits are a slide number; 0 alone (no number begins with it) resets the zoom.
    if (plain && key >= Qt::Key_0 && key <= Qt::Key_9 && !m_keys.isAssigned(event)
        && !(key == Qt::Key_0 && m_typedNumber.isEmpty())) {
        m_typedNumber += QChar(u'0' + (key - Qt::Key_0));
        return true;
    }
    if (plain && key == Qt::Key_Backspace && !m_typedNumber.isEmpty() && !m_keys.isAssigned(event)) {
        m_typedNumber.chop(1);  // a wrong digit
        return true;
    }
    const QString typed = std::exchange(m_typedNumber, QString());
    const Action action = m_keys.action(event);
    if (action == Action::None)
        return false;
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (m_overview) {
        overviewKey(action, enter);
        return true;
    }
    if (enter && !typed.isEmpty()) {
        const int number = typed.toInt();
        if (number >= 1 && number <= count())
            goTo(number - 1);
        return true;  // a number past the end goes nowhere, rather than to the next slide
    }
    perform(action);
    return true;
}

void PresentationController::perform(ClickerKeyMap::Action action)
{
    switch (action) {
    case Action::None: break;
    case Action::Next: next(); break;
    case Action::Previous: previous(); break;
    case Action::First: first(); break;
    case Action::Last: last(); break;
    case Action::Black: setBlank(Blank::Black); break;
    case Action::White: setBlank(Blank::White); break;
    case Action::End: end(); break;
    case Action::Overview: setOverviewShown(!m_overview); break;
    case Action::ZoomIn: setZoom(m_zoom * kZoomStep); break;
    case Action::ZoomOut: setZoom(m_zoom / kZoomStep); break;
    case Action::ZoomReset: setZoom(1.0); break;
    case Action::KeySheet: emit keySheetRequested(); break;
    case Action::Console: emit consoleToggleRequested(); break;
    case Action::SwapScreens: emit swapScreensRequested(); break;
    }
}

void PresentationController::overviewKey(ClickerKeyMap::Action action, bool enter)
{
    if (enter) {
        const int picked = m_overviewSelection;
        setOverviewShown(false);
        return goTo(picked);
    }
    switch (action) {
    case Action::Next: return selectInOverview(m_overviewSelection + 1);
    case Action::Previous: return selectInOverview(m_overviewSelection - 1);
    case Action::First: return selectInOverview(0);
    case Action::Last: return selectInOverview(count() - 1);
    case Action::End:  // Esc (or a clicker's stop) leaves the overview, not the presentation
    case Action::Overview: return setOverviewShown(false);
    default: return perform(action);
    }
}

void PresentationController::selectInOverview(int index)
{
    index = qBound(0, index, qMax(0, count() - 1));
    if (index == m_overviewSelection)
        return;
    m_overviewSelection = index;
    emit overviewChanged(true, index);
}

void PresentationController::next()
{
    if (m_current + 1 >= count())
        return;
    goTo(m_current + 1);
    emit advanced();
}

void PresentationController::previous()
{
    goTo(m_current - 1);
}

void PresentationController::first()
{
    goTo(0);
}

void PresentationController::last()
{
    goTo(count() - 1);
}

void PresentationController::goTo(int index)
{
    if (index < 0 || index >= count() || index == m_current)
        return;
    m_current = index;
    emit currentChanged(index);
}

void PresentationController::setBlank(PresentationController::Blank blank)
{
    if (blank == m_blank)
        return;
    m_blank = blank;
    emit blankChanged(blank);
}

void PresentationController::setOverviewShown(bool shown)
{
    if (shown == m_overview)
        return;
    m_overview = shown;
    m_overviewSelection = m_current;  // opens on the slide showing
    emit overviewChanged(shown, m_overviewSelection);
}

void PresentationController::setZoom(double zoom)
{
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    emit zoomChanged(zoom);
}

void PresentationController::setShowOwnAnswers(bool show)
{
    if (show == m_showOwnAnswers)
        return;
    m_showOwnAnswers = show;
    emit showOwnAnswersChanged(show);
}

void PresentationController::end()
{
    emit ended();
}
