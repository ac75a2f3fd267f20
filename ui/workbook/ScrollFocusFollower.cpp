#include "ScrollFocusFollower.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QScrollArea>

namespace {
constexpr int kMargin = 24;  // a little of what surrounds the cell stays in view too
}

ScrollFocusFollower::ScrollFocusFollower(QScrollArea *area)
    : QObject(area)
    , m_area(area)
{
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
}

void ScrollFocusFollower::watchItemViews()
{
    if (!m_area->widget())
        return;
    for (QAbstractItemView *view : m_area->widget()->findChildren<QAbstractItemView *>()) {
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, view] {
            if (view->hasFocus() || view->isAncestorOf(QApplication::focusWidget()))
                followCell(view);
        });
    }
}

void ScrollFocusFollower::follow(QWidget *focus)
{
    QWidget *content = m_area->widget();
    if (!focus || !content || !content->isAncestorOf(focus))
        return;
    for (QWidget *w = focus; w && w != content; w = w->parentWidget()) {
        if (auto *view = qobject_cast<QAbstractItemView *>(w))
            return followCell(view);  // a cell editor or the grid itself: its cell counts
    }
    m_area->ensureWidgetVisible(focus, kMargin, kMargin);
}

void ScrollFocusFollower::followCell(QAbstractItemView *view)
{
    const QRect cell = view->visualRect(view->currentIndex());
    if (!cell.isValid())
        return m_area->ensureWidgetVisible(view, kMargin, kMargin);
    const QPoint topLeft = view->viewport()->mapTo(m_area->widget(), cell.topLeft());
    const QRect inContent(topLeft, cell.size());
    m_area->ensureVisible(inContent.center().x(), inContent.center().y(), inContent.width() / 2 + kMargin,
                          inContent.height() / 2 + kMargin);
}
