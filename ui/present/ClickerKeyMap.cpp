#include "ClickerKeyMap.h"

#include <QKeyEvent>
#include <QKeySequence>
#include <QSettings>

namespace {
const QString kAssignments = QStringLiteral("present/clickerKeys");
}  // namespace

QKeyCombination ClickerKeyMap::combination(const QKeyEvent *event)
{
    // A keypad key is the same button to a facilitator: only Shift, Ctrl, Alt and Meta count.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    return QKeyCombination(modifiers, Qt::Key(event->key()));
}

ClickerKeyMap::Action ClickerKeyMap::action(const QKeyEvent *event) const
{
    return m_assigned.value(combination(event).toCombined(), defaultAction(event));
}

bool ClickerKeyMap::isAssigned(const QKeyEvent *event) const
{
    return m_assigned.contains(combination(event).toCombined());
}

ClickerKeyMap::Action ClickerKeyMap::defaultAction(const QKeyEvent *event)
{
    // Ctrl, Alt and Meta keys belong to the desktop and the app (Alt+Tab, Ctrl+Q); Shift is
    // part of ?, + and, on many clickers, of their start key (Shift+F5).
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return Action::None;
    switch (event->key()) {
    case Qt::Key_Space:
        return event->modifiers() & Qt::ShiftModifier ? Action::Previous : Action::Next;
    case Qt::Key_Right: case Qt::Key_Down: case Qt::Key_PageDown: case Qt::Key_Return: case Qt::Key_Enter: case Qt::Key_N:
        return Action::Next;
    case Qt::Key_Left: case Qt::Key_Up: case Qt::Key_PageUp: case Qt::Key_Backspace: case Qt::Key_P:
        return Action::Previous;
    case Qt::Key_Home:
        return Action::First;
    case Qt::Key_End:
        return Action::Last;
    case Qt::Key_B: case Qt::Key_Period:
        return Action::Black;
    case Qt::Key_W: case Qt::Key_Comma:
        return Action::White;
    case Qt::Key_F5: case Qt::Key_Escape:
        return Action::End;
    case Qt::Key_G: case Qt::Key_Tab: case Qt::Key_Backtab:
        return Action::Overview;
    case Qt::Key_Plus: case Qt::Key_Equal:
        return Action::ZoomIn;
    case Qt::Key_Minus: case Qt::Key_Underscore:
        return Action::ZoomOut;
    case Qt::Key_0:
        return Action::ZoomReset;
    case Qt::Key_Question:
        return Action::KeySheet;
    case Qt::Key_C:
        return Action::Console;
    case Qt::Key_S:
        return Action::SwapScreens;
    default:
        return Action::None;
    }
}

void ClickerKeyMap::assign(QKeyCombination key, Action action)
{
    if (action == Action::None)
        m_assigned.remove(key.toCombined());
    else
        m_assigned.insert(key.toCombined(), action);
}

ClickerKeyMap ClickerKeyMap::load()
{
    ClickerKeyMap map;
    const QVariantMap saved = QSettings().value(kAssignments).toMap();
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        const QKeySequence key = QKeySequence::fromString(it.key(), QKeySequence::PortableText);
        const int action = it.value().toInt();
        if (key.count() == 1 && action > int(Action::None) && action <= int(Action::SwapScreens))
            map.assign(key[0], Action(action));
    }
    return map;
}

void ClickerKeyMap::save() const
{
    // Keys by their portable names, so the settings file says which key was meant.
    QVariantMap saved;
    for (auto it = m_assigned.cbegin(); it != m_assigned.cend(); ++it)
        saved.insert(QKeySequence(QKeyCombination::fromCombined(it.key())).toString(QKeySequence::PortableText), int(it.value()));
    QSettings().setValue(kAssignments, saved);
}

QString ClickerKeyMap::name(Action action)
{
    switch (action) {
    case Action::None: return tr("Nothing");
    case Action::Next: return tr("Next slide");
    case Action::Previous: return tr("Previous slide");
    case Action::First: return tr("First slide");
    case Action::Last: return tr("Last slide");
    case Action::Black: return tr("Black screen (any key returns)");
    case Action::White: return tr("White screen (any key returns)");
    case Action::End: return tr("End the presentation");
    case Action::Overview: return tr("Overview of all slides (arrows choose, Enter shows)");
    case Action::ZoomIn: return tr("Larger type for the room");
    case Action::ZoomOut: return tr("Smaller type for the room");
    case Action::ZoomReset: return tr("Type at its usual size");
    case Action::KeySheet: return tr("These keys");
    case Action::Console: return tr("Show or hide the presenter console");
    case Action::SwapScreens: return tr("Swap the slides and the console between screens");
    }
    return QString();
}

QVector<ClickerKeyMap::Action> ClickerKeyMap::assignable()
{
    return {Action::Next, Action::Previous, Action::First, Action::Last, Action::Black, Action::White, Action::End,
            Action::Overview, Action::ZoomIn, Action::ZoomOut, Action::ZoomReset, Action::KeySheet, Action::Console,
            Action::SwapScreens};
}

QVector<ClickerKeyMap::Row> ClickerKeyMap::rows() const
{
    QVector<Row> rows = {
        {name(Action::Next), tr("Right, Down, Page Down, Space, Enter, N")},
        {name(Action::Previous), tr("Left, Up, Page Up, Backspace, P, Shift+Space")},
        {name(Action::First), tr("Home")},
        {name(Action::Last), tr("End")},
        {tr("Go to a slide by its number"), tr("The number, then Enter")},
        {name(Action::Black), tr("B or .")},
        {name(Action::White), tr("W or ,")},
        {name(Action::Overview), tr("G or Tab")},
        {name(Action::ZoomIn), tr("+")},
        {name(Action::ZoomOut), tr("-")},
        {name(Action::ZoomReset), tr("0")},
        {name(Action::KeySheet), tr("?")},
        {name(Action::Console), tr("C")},
        {name(Action::SwapScreens), tr("S")},
        {name(Action::End), tr("Esc or F5")},
    };
    for (auto it = m_assigned.cbegin(); it != m_assigned.cend(); ++it)
        rows.append({name(it.value()), tr("%1 (your clicker)").arg(QKeySequence(QKeyCombination::fromCombined(it.key())).toString(QKeySequence::NativeText))});
    return rows;
}
