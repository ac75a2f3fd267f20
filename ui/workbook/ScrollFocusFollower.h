#pragma once

#include <QObject>

class QAbstractItemView;
class QScrollArea;

// Keeps what the keyboard is working on inside the visible part of a scroll area: the
// widget with the focus, or the current cell of a grid taller or wider than the view
// (Tab through a long worksheet must never leave the cell being typed in off-screen).
class ScrollFocusFollower : public QObject
{
    Q_OBJECT
public:
    explicit ScrollFocusFollower(QScrollArea *area);

    // Follows the current cell of every item view now inside the area's widget.
    void watchItemViews();

private:
    void follow(QWidget *focus);
    void followCell(QAbstractItemView *view);

    QScrollArea *m_area;
};
