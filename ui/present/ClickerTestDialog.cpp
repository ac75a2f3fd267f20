#include "ClickerTestDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using Action = ClickerKeyMap::Action;

ClickerTestDialog::ClickerTestDialog(const ClickerKeyMap &keys, QWidget *parent)
    : QDialog(parent)
    , m_keys(keys)
{
    setWindowTitle(tr("Test Your Clicker"));
    auto *layout = new QVBoxLayout(this);
    auto *pad = new QFrame(this);
    m_pad = pad;
    pad->setFrameShape(QFrame::StyledPanel);
    pad->setFocusPolicy(Qt::StrongFocus);
    pad->setAccessibleName(tr("Press a button on your clicker"));
    pad->installEventFilter(this);
    auto *padLayout = new QVBoxLayout(pad);
    auto *hint = new QLabel(tr("Press each button on your clicker (click here first if nothing happens)."), pad);
    hint->setWordWrap(true);
    m_key = new QLabel(pad);
    m_key->setTextFormat(Qt::PlainText);
    m_key->setWordWrap(true);
    QFont large = m_key->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    m_key->setFont(large);
    padLayout->addWidget(hint);
    padLayout->addWidget(m_key);
    layout->addWidget(pad, 1);

    auto *assignRow = new QHBoxLayout;
    m_action = new QComboBox(this);
    m_action->setAccessibleName(tr("Action for this button"));
    m_action->addItem(tr("Its usual action"), int(Action::None));
    for (const Action action : ClickerKeyMap::assignable())
        m_action->addItem(ClickerKeyMap::name(action), int(action));
    m_assign = new QPushButton(tr("&Use for This Button"), this);
    m_assign->setEnabled(false);
    m_action->setEnabled(false);
    connect(m_assign, &QPushButton::clicked, this, &ClickerTestDialog::assign);
    assignRow->addWidget(m_action, 1);
    assignRow->addWidget(m_assign);
    layout->addLayout(assignRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 300);
    pad->setFocus();
}

QString ClickerTestDialog::lastKeyText() const
{
    return m_key->text();
}

bool ClickerTestDialog::eventFilter(QObject *watched, QEvent *event)
{
    // The pad takes every key: Esc, Enter and Tab are what clickers send, not the dialog's.
    if (watched == m_pad && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            pressed(static_cast<QKeyEvent *>(event));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void ClickerTestDialog::pressed(const QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta || key == 0)
        return;
    m_last = ClickerKeyMap::combination(event);
    const QString name = QKeySequence(m_last).toString(QKeySequence::NativeText);
    const Action action = m_keys.action(event);
    const bool digit = key >= Qt::Key_1 && key <= Qt::Key_9;
    if (action != Action::None)
        m_key->setText(tr("%1: %2").arg(name, ClickerKeyMap::name(action)));
    else if (digit)
        m_key->setText(tr("%1: part of a slide number (then Enter)").arg(name));
    else
        m_key->setText(tr("%1: does nothing while presenting. Choose what it should do below.").arg(name));
    m_action->setEnabled(true);
    m_assign->setEnabled(true);
    m_action->setCurrentIndex(qMax(0, m_action->findData(int(m_keys.isAssigned(event) ? action : Action::None))));
}

void ClickerTestDialog::assign()
{
    const auto action = Action(m_action->currentData().toInt());
    m_keys.assign(m_last, action);
    m_keys.save();
    emit keysChanged(m_keys);
    const QString name = QKeySequence(m_last).toString(QKeySequence::NativeText);
    m_key->setText(action == Action::None ? tr("%1: back to its usual action").arg(name)
                                          : tr("%1: %2 (remembered)").arg(name, ClickerKeyMap::name(action)));
    m_pad->setFocus();
}
