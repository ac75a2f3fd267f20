#include "AnswerEditor.h"

#include <QKeyEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QUndoStack>

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
