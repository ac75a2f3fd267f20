#include "RatingCellBox.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>

RatingCellBox::RatingCellBox(const WorksheetCell &cell, const QMap<QString, QString> &choiceLabels, const QString &accessibleName,
                             QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_combo->addItem(QStringLiteral("—"), QString());
    m_combo->setItemData(0, tr("No choice"), Qt::AccessibleTextRole);
    for (const QString &choice : cell.choices) {
        const auto label = choiceLabels.constFind(choice);
        m_combo->addItem(label == choiceLabels.cend() ? choice : QStringLiteral("%1 – %2").arg(choice, *label), choice);
    }
    m_combo->setAccessibleName(accessibleName);
    m_combo->setFocusPolicy(Qt::ClickFocus);  // the table's Tab order reaches it
    m_combo->installEventFilter(this);
    layout->addWidget(m_combo, 0, Qt::AlignTop);
}

QString RatingCellBox::choice() const
{
    return m_combo->currentData().toString();
}

void RatingCellBox::setChoice(const QString &choice)
{
    int index = m_combo->findData(choice);
    if (index < 0) {
        m_combo->addItem(choice, choice);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

bool RatingCellBox::eventFilter(QObject *watched, QEvent *event)
{
    // The wheel scrolls the pane over a combo box that the learner has not picked.
    if (watched == m_combo && event->type() == QEvent::Wheel && !m_combo->hasFocus()) {
        event->ignore();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
