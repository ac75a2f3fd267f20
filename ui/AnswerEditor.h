#pragma once

#include "ActivitySpec.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QAbstractItemDelegate;
class QPlainTextEdit;
class QTextDocument;
class QUndoStack;

// What the learner answers an activity in: the editor for its kind, holding the answer's
// `value` (see Answer.h). Each editor keeps one undo history for all of its inputs, so the
// pane's Undo and Redo, and Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in any of its inputs, take back
// the learner's edits in the order they were made, whichever input has the focus.
class AnswerEditor : public QWidget
{
    Q_OBJECT
public:
    static AnswerEditor *create(const ActivitySpec &spec, QWidget *parent = nullptr);

    virtual QJsonObject value() const = 0;
    // Shows `value` as the answer: does not emit changed(), and starts a new undo history.
    virtual void setValue(const QJsonObject &value) = 0;

    QUndoStack *undoStack() const { return m_undoStack; }

    // Item data for the cells of createCellDelegate(): true draws the cell on the window
    // colour of the current palette, as text the learner does not write (fixed text, totals).
    static constexpr int ShadedRole = Qt::UserRole + 1;

signals:
    void changed();  // on every edit by the learner, undo and redo included

protected:
    explicit AnswerEditor(QWidget *parent);

    // Records an edit the learner has already made: `undo` takes it back, `redo` makes it again.
    // Consecutive edits with the same non-empty mergeKey become one undo step, and none
    // when backToMergeStart says they ended where the first of them began.
    void recordEdit(const QString &text, std::function<void()> undo, std::function<void()> redo,
                    const QString &mergeKey = QString(), bool backToMergeStart = false);
    // Puts the typing in `edit` into undoStack(), with its undo keys and context menu entries.
    void trackTextEdit(QPlainTextEdit *edit);
    // Sends Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y pressed in `input` to undoStack().
    void routeUndoKeys(QWidget *input);
    // Edits table cells in a QPlainTextEdit that grows with its text. Enter finishes the cell,
    // Shift+Enter starts a new line, Esc cancels; Tab and Shift+Tab finish and call tab(forward).
    QAbstractItemDelegate *createCellDelegate(std::function<void(bool forward)> tab);
    // Moves the focus from `from`, one of this editor's inputs, to the next or previous widget
    // of the window outside it.
    void moveFocusOut(QWidget *from, bool forward);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QUndoStack *m_undoStack;
    const QTextDocument *m_typingIn = nullptr;  // while its new step is recorded
};
