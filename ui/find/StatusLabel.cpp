#include "StatusLabel.h"

#include <QAccessible>

StatusLabel::StatusLabel(const QString &what, QWidget *parent)
    : QLabel(parent)
    , m_what(what)
{
    setTextFormat(Qt::PlainText);
    setAccessibleName(m_what);
}

void StatusLabel::announce(const QString &text)
{
    if (text == this->text())
        return;
    setText(text);
    setAccessibleName(text.isEmpty() ? m_what : tr("%1: %2").arg(m_what, text));
    QAccessibleEvent event(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}
