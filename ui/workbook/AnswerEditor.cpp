#include "AnswerEditor.h"

#include "AnswerCellItem.h"
#include "KwlEditor.h"
#include "TextAnswerEditor.h"
#include "WorksheetEditor.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QPersistentModelIndex>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QUndoStack>

#include <cmath>

namespace {

// An edit already on screen when it is recorded: the first redo(), from QUndoStack::push(),
// has nothing to do.
class RecordedEdit : public QUndoCommand
{
public:
    RecordedEdit(const QString &text, std::function<void()> undo, std::function<void()> redo, const QString &mergeKey)
        : QUndoCommand(text)
        , m_undo(std::move(undo))
        , m_redo(std::move(redo))
        , m_mergeKey(mergeKey)
    {
    }

    void undo() override { m_undo(); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    // Keystrokes in one cell arrive as separate edits (each is saved at once); undo
    // takes them back together, as it does for typing in a text field.
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const RecordedEdit *>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        m_redo = next->m_redo;
        setObsolete(next->isObsolete());  // typed and taken back: no step at all
        return true;
    }
    void redo() override
    {
        if (m_pushed)
            m_redo();
        m_pushed = true;
    }

private:
    std::function<void()> m_undo;
    std::function<void()> m_redo;
    QString m_mergeKey;
    bool m_pushed = false;
};

// See AnswerEditor::createCellDelegate().
class CellDelegate : public QStyledItemDelegate
{
public:
    CellDelegate(std::function<void(bool)> tab, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_tab(std::move(tab))
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
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

    void destroyEditor(QWidget *editor, const QModelIndex &index) const override
    {
        QStyledItemDelegate::destroyEditor(editor, index);
        if (m_editing == index) {
            m_editing = QPersistentModelIndex();
            remeasure(index);
        }
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *edit = static_cast<QPlainTextEdit *>(editor);
        if (edit->toPlainText() == index.data(Qt::EditRole).toString())
            return;
        edit->setPlainText(index.data(Qt::EditRole).toString());
        // Typing goes after what the cell holds: a stray key never replaces an answer.
        edit->moveCursor(QTextCursor::End);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QPlainTextEdit *>(editor)->toPlainText());
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
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

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(AnswerEditor::ShadedRole).toBool())
            option->backgroundBrush = option->palette.window();
    }

    bool eventFilter(QObject *object, QEvent *event) override
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

private:
    // The view lays the row out again. (The delegate's interface is const, its signals are not.)
    void remeasure(const QModelIndex &index) const
    {
        if (index.isValid())
            emit const_cast<CellDelegate *>(this)->sizeHintChanged(index);
    }

    void finish(QPlainTextEdit *edit)
    {
        emit commitData(edit);
        emit closeEditor(edit, QAbstractItemDelegate::NoHint);
    }

    std::function<void(bool)> m_tab;
    mutable QPointer<QPlainTextEdit> m_editor;
    mutable QPersistentModelIndex m_editing;
};

// +1 undoes, -1 redoes, 0 is any other key.
int undoDirection(const QKeyEvent *key)
{
    const QKeyCombination combination = key->keyCombination();
    if (key->matches(QKeySequence::Undo) || combination == (Qt::ControlModifier | Qt::Key_Z))
        return 1;
    if (key->matches(QKeySequence::Redo) || combination == (Qt::ControlModifier | Qt::ShiftModifier | Qt::Key_Z)
        || combination == (Qt::ControlModifier | Qt::Key_Y))
        return -1;
    return 0;
}

}  // namespace

AnswerEditor *AnswerEditor::create(const ActivitySpec &spec, QWidget *parent)
{
    switch (spec.kind) {
    case ActivitySpec::Kind::Kwl:
        return new KwlEditor(spec, parent);
    case ActivitySpec::Kind::Worksheet:
        return new WorksheetEditor(spec, parent);
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        break;
    }
    return new TextAnswerEditor(spec, parent);
}

AnswerEditor::AnswerEditor(QWidget *parent)
    : QWidget(parent)
    , m_undoStack(new QUndoStack(this))
{
}

void AnswerEditor::recordEdit(const QString &text, std::function<void()> undo, std::function<void()> redo,
                              const QString &mergeKey, bool backToMergeStart)
{
    auto *edit = new RecordedEdit(text, std::move(undo), std::move(redo), mergeKey);
    edit->setObsolete(backToMergeStart && !mergeKey.isEmpty());
    m_undoStack->push(edit);
}

void AnswerEditor::trackTextEdit(QPlainTextEdit *edit)
{
    routeUndoKeys(edit);
    // The text keeps its own history (a run of typing is one step); each new step of it is a
    // step of this editor's history that asks the text to undo or redo.
    QTextDocument *document = edit->document();
    connect(document, &QTextDocument::undoCommandAdded, this, [this, edit, document] {
        m_typingIn = document;
        recordEdit(tr("Typing"), [edit] { edit->undo(); }, [edit] { edit->redo(); });
        m_typingIn = nullptr;
    });
    // The text merges typing into its last step while it is "modified". Once anything else is
    // done or undone, typing there must start a new step, in its place in the history.
    connect(m_undoStack, &QUndoStack::indexChanged, document, [this, document] {
        if (document != m_typingIn)
            document->setModified(false);
    });
    edit->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(edit, &QWidget::customContextMenuRequested, this, [this, edit](const QPoint &pos) {
        QMenu *menu = edit->createStandardContextMenu(pos);
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            const bool undo = action->objectName() == QLatin1String("edit-undo");
            if (!undo && action->objectName() != QLatin1String("edit-redo"))
                continue;
            // The standard entries would step the text alone, out of order with the rest.
            auto *replacement = new QAction(action->icon(), action->text(), menu);
            replacement->setEnabled(undo ? m_undoStack->canUndo() : m_undoStack->canRedo());
            connect(replacement, &QAction::triggered, m_undoStack, undo ? &QUndoStack::undo : &QUndoStack::redo);
            menu->insertAction(action, replacement);
            menu->removeAction(action);
        }
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(edit->viewport()->mapToGlobal(pos));
    });
}

void AnswerEditor::routeUndoKeys(QWidget *input)
{
    input->installEventFilter(this);
}

QAbstractItemDelegate *AnswerEditor::createCellDelegate(std::function<void(bool)> tab)
{
    return new CellDelegate(std::move(tab), this);
}

void AnswerEditor::moveFocusOut(QWidget *from, bool forward)
{
    // The focus chain goes on from the focused widget: start it from `from` itself, not from
    // a cell widget inside it.
    from->setFocus(Qt::OtherFocusReason);
    focusNextPrevChild(forward);
}

bool AnswerEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int direction = undoDirection(static_cast<QKeyEvent *>(event));
    if (direction == 0)
        return QWidget::eventFilter(watched, event);
    // Claiming the shortcut keeps window-wide Undo shortcuts from taking the key as well.
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        if (direction > 0)
            m_undoStack->undo();
        else
            m_undoStack->redo();
    }
    return true;
}
