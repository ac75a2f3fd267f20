#include "CellDelegate.h"

#include "AnswerCellItem.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextBlock>

#include <cmath>

CellDelegate::CellDelegate(std::function<void(bool)> tab, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tab(std::move(tab))
{
}

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setAccessibleName(AnswerCellItem::placeName(index));
    // The row grows with the text while it is typed, so nothing scrolls out of sight.
    m_editor = edit;
    m_editing = index;
    connect(edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this, index = QPersistentModelIndex(index)] { remeasure(index); });
    // Every keystroke reaches the model, and so the answer store: an open cell holds
    // nothing a crash could take.
    // (Only the learner's typing: filling the editor from the model is not an edit.)
    connect(edit, &QPlainTextEdit::textChanged, this, [this, edit] {
        if (edit->hasFocus())
            emit const_cast<CellDelegate *>(this)->commitData(edit);
    });
    return edit;
}

void CellDelegate::destroyEditor(QWidget *editor, const QModelIndex &index) const
{
    QStyledItemDelegate::destroyEditor(editor, index);
    if (m_editing == index) {
        m_editing = QPersistentModelIndex();
        remeasure(index);
    }
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<QPlainTextEdit *>(editor);
    if (edit->toPlainText() == index.data(Qt::EditRole).toString())
        return;
    edit->setPlainText(index.data(Qt::EditRole).toString());
    // Typing goes after what the cell holds: a stray key never replaces an answer.
    edit->moveCursor(QTextCursor::End);
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QPlainTextEdit *>(editor)->toPlainText());
}

QSize CellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (m_editor && m_editing == index) {
        const QTextDocument *document = m_editor->document();
        qreal text = 2 * document->documentMargin();
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            text += document->documentLayout()->blockBoundingRect(block).height();
        size.setHeight(std::max(size.height(), int(std::ceil(text)) + 2 * m_editor->frameWidth()));
    }
    return size;
}

void CellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(ShadedRole).toBool())
        option->backgroundBrush = option->palette.window();
}

bool CellDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *edit = qobject_cast<QPlainTextEdit *>(object);
    if (!edit || event->type() != QEvent::KeyPress)
        return QStyledItemDelegate::eventFilter(object, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const bool shift = key->modifiers() & Qt::ShiftModifier;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (shift)
            edit->insertPlainText(QStringLiteral("\n"));
        else
            finish(edit);
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        finish(edit);
        m_tab(key->key() == Qt::Key_Tab && !shift);
        return true;
    default:
        return QStyledItemDelegate::eventFilter(object, event);
    }
}

// The view lays the row out again. (The delegate's interface is const, its signals are not.)
void CellDelegate::remeasure(const QModelIndex &index) const
{
    if (index.isValid())
        emit const_cast<CellDelegate *>(this)->sizeHintChanged(index);
}

void CellDelegate::finish(QPlainTextEdit *edit)
{
    emit commitData(edit);
    emit closeEditor(edit, QAbstractItemDelegate::NoHint);
}
