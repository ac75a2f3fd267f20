#pragma once

#include "ActivitySpec.h"
#include "UndoMergeRun.h"

#include <QJsonObject>
#include <QPoint>
#include <QUndoStack>
#include <QWidget>

#include <functional>

class QPlainTextEdit;
class QTextDocument;

// What the learner answers an activity in: the editor for its kind, holding the answer's
// `value` (see Answer.h). Each editor keeps one undo history for all of its inputs, so the
// pane's Undo and Redo, and Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in any of its inputs, take back
// the learner's edits in the order they were made, whichever input has the focus.
class AnswerEditor : public QWidget
{
    Q_OBJECT
public:
    virtual QJsonObject value() const = 0;
    // Shows `value` as the answer: does not emit changed(), and starts a new undo history.
    virtual void setValue(const QJsonObject &value) = 0;

    QUndoStack *undoStack() const { return m_undoStack; }

signals:
    void changed();  // on every edit by the learner, undo and redo included

protected:
    explicit AnswerEditor(QWidget *parent);

    // Records an edit the learner has already made: `undo` takes it back, `redo` makes it again.
    // Consecutive edits with the same non-empty mergeKey become one undo step, and none
    // when backToMergeStart says they ended where the first of them began.
    void recordEdit(const QString &text, std::function<void()> undo, std::function<void()> redo,
                    const QString &mergeKey = QString(), bool backToMergeStart = false);
    // For a grid editor: records the change from `recorded` (the grid as the undo history has
    // it) to `now`, keystrokes in one cell merging through `run`; undo and redo call
    // `restore` with a snapshot and the cell that was current. False when nothing changed.
    template <typename Snapshot>
    bool recordSnapshot(Snapshot &recorded, const Snapshot &now, QPoint cell, UndoMergeRun<Snapshot> &run, const QString &text,
                        const QString &mergeKey, std::function<void(const Snapshot &, QPoint)> restore)
    {
        if (now == recorded)
            return false;
        const Snapshot before = recorded;
        recorded = now;
        recordEdit(text, [restore, before, cell] { restore(before, cell); }, [restore, now, cell] { restore(now, cell); }, mergeKey,
                   run.backToStart(mergeKey, undoStack()->index(), before, now));
        run.recorded(undoStack()->index());
        return true;
    }
    // Puts the typing in `edit` into undoStack(), with its undo keys and context menu entries.
    void trackTextEdit(QPlainTextEdit *edit);
    // Sends Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y pressed in `input` to undoStack().
    void routeUndoKeys(QWidget *input);
    // Moves the focus from `from`, one of this editor's inputs, to the next or previous widget
    // of the window outside it.
    void moveFocusOut(QWidget *from, bool forward);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QUndoStack *m_undoStack;
    const QTextDocument *m_typingIn = nullptr;  // while its new step is recorded
};
