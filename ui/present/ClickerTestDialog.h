#pragma once

#include "ClickerKeyMap.h"

#include <QDialog>
#include <QKeyCombination>

class QComboBox;
class QLabel;
class QPushButton;

// "Test your clicker": each button pressed shows which key it sends and what that key does
// while presenting; a key that does nothing (a clicker's odd button) can be given an action,
// which is remembered (ClickerKeyMap::save) and tried before the default keys.
class ClickerTestDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ClickerTestDialog(const ClickerKeyMap &keys, QWidget *parent = nullptr);

    const ClickerKeyMap &keys() const { return m_keys; }
    QString lastKeyText() const;  // what the dialog says about the last key pressed

signals:
    void keysChanged(const ClickerKeyMap &keys);  // after an assignment, already saved

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void pressed(const QKeyEvent *event);
    void assign();

    ClickerKeyMap m_keys;
    QWidget *m_pad;  // takes every key, Tab and Esc included, while it has the focus
    QLabel *m_key;
    QComboBox *m_action;
    QPushButton *m_assign;
    QKeyCombination m_last;
};
