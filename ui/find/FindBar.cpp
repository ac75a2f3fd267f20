#include "FindBar.h"

#include "PageHighlighter.h"
#include "StatusLabel.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>

FindBar::FindBar(PageHighlighter *highlighter, QWidget *parent)
    : QToolBar(tr("Find in Page"), parent)
    , m_highlighter(highlighter)
    , m_field(new QLineEdit(this))
    , m_status(new StatusLabel(tr("Matches"), this))
{
    setObjectName(QStringLiteral("findBar"));
    setMovable(false);
    setFloatable(false);
    toggleViewAction()->setVisible(false);  // opened by Ctrl+F, not from the toolbar menu
    auto *label = new QLabel(tr("F&ind:"), this);
    label->setBuddy(m_field);
    label->setContentsMargins(6, 0, 6, 0);
    m_field->setAccessibleName(tr("Find in page"));
    m_field->setPlaceholderText(tr("Find in this page"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaximumWidth(320);
    m_field->installEventFilter(this);
    m_status->setContentsMargins(8, 0, 8, 0);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("No matches")) + 16);
    addWidget(label);
    addWidget(m_field);
    addWidget(m_status);
    QAction *previous = addAction(tr("Previous"), this, [this] { m_highlighter->step(-1); });
    previous->setToolTip(tr("The previous match (Shift+F3, Shift+Enter)"));
    QAction *next = addAction(tr("Next"), this, [this] { m_highlighter->step(1); });
    next->setToolTip(tr("The next match (F3, Enter)"));
    QAction *done = addAction(tr("Close"), this, &FindBar::close);
    done->setToolTip(tr("Close the find bar (Esc)"));
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.trimmed().isEmpty())
            return m_highlighter->highlight({text});
        m_highlighter->clear();
        m_status->announce(QString());
    });
    connect(m_highlighter, &PageHighlighter::matchesChanged, this, &FindBar::showMatches);
    hide();
}

void FindBar::open()
{
    QWidget *focus = QApplication::focusWidget();
    if (!isVisible() || !(focus && isAncestorOf(focus)))
        m_focusBefore = focus && !isAncestorOf(focus) ? focus : nullptr;
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (!m_field->text().isEmpty())
        findAgain();
}

void FindBar::close()
{
    hide();
    m_highlighter->clear();
    m_status->announce(QString());
    if (m_focusBefore)
        m_focusBefore->setFocus(Qt::OtherFocusReason);
}

void FindBar::findAgain()
{
    if (isVisible() && !m_field->text().trimmed().isEmpty())
        m_highlighter->highlight({m_field->text()});
}

void FindBar::showMatches(int current, int count)
{
    if (!isVisible() || m_highlighter->needles() != QStringList{m_field->text()})
        return;  // the marks of a course search, not of this bar
    m_status->announce(count == 0 ? tr("No matches") : tr("%1 of %2").arg(current).arg(count));
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_highlighter->step(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return true;
        }
    }
    return QToolBar::eventFilter(watched, event);
}
