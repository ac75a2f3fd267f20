#pragma once

#include <QStyledItemDelegate>

// Draws where the learner stands beside each entry of the contents: a page's state as a mark
// at the row's end (a ring: unread, a dot in the ring: visited, a tick: done), and a module's
// "n of m" with a thin bar under its title. Marks, counts and bars are drawn in the row's own
// text colour, so they show in every theme, high contrast included.
class NavigationProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static void drawStateMark(QPainter *painter, const QRect &box, int state);
};
