#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>

#include <functional>

class QPlainTextEdit;

// Edits the table cells of a grid editor (KWL, worksheet) in a QPlainTextEdit that grows with
// its text. Enter finishes the cell, Shift+Enter starts a new line, Esc cancels; Tab and
// Shift+Tab finish and call tab(forward).
class CellDelegate : public QStyledItemDelegate
{
public:
    // Item data: true draws the cell on the window colour of the current palette, as text the
    // learner does not write (fixed text, totals).
    static constexpr int ShadedRole = Qt::UserRole + 1;

    CellDelegate(std::function<void(bool forward)> tab, QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void destroyEditor(QWidget *editor, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    void remeasure(const QModelIndex &index) const;
    void finish(QPlainTextEdit *edit);

    std::function<void(bool)> m_tab;
    mutable QPointer<QPlainTextEdit> m_editor;
    mutable QPersistentModelIndex m_editing;
};
