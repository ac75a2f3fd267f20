#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QKeyCombination>
#include <QString>
#include <QVector>

class QKeyEvent;

// Which presentation action a key stands for: the keys clickers and keyboards send, and the
// facilitator's own assignments for a clicker button that sends something else (kept in the
// settings, and tried before the defaults). One table for the controller, the key sheet and
// the clicker test, so they cannot disagree.
class ClickerKeyMap
{
    Q_DECLARE_TR_FUNCTIONS(ClickerKeyMap)
public:
    enum class Action {
        None, Next, Previous, First, Last, Black, White, End, Overview, ZoomIn, ZoomOut, ZoomReset,
        KeySheet, Console, SwapScreens
    };
    struct Row {  // one line of the key sheet
        QString what;
        QString keys;
    };

    Action action(const QKeyEvent *event) const;  // the facilitator's assignment, else the default
    bool isAssigned(const QKeyEvent *event) const;  // the facilitator assigned this key
    static Action defaultAction(const QKeyEvent *event);
    static QKeyCombination combination(const QKeyEvent *event);  // as assignments are keyed

    void assign(QKeyCombination key, Action action);  // Action::None forgets the assignment
    QHash<int, Action> assignments() const { return m_assigned; }  // by QKeyCombination::toCombined()

    static ClickerKeyMap load();  // from the settings
    void save() const;

    static QString name(Action action);
    static QVector<Action> assignable();  // what a clicker button may be given, in sheet order
    QVector<Row> rows() const;            // the defaults, then the facilitator's assignments

private:
    QHash<int, Action> m_assigned;
};
