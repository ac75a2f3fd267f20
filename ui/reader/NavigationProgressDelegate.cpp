#include "NavigationProgressDelegate.h"

#include "NavigationTree.h"
#include "PageState.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

void NavigationProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant state = index.data(NavigationTree::PageStateRole);
    const QVariant total = index.data(NavigationTree::PageCountRole);
    if (!state.isValid() && !total.isValid())
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QString count = total.isValid()
        ? tr("%1 of %2").arg(index.data(NavigationTree::PagesDoneRole).toInt()).arg(total.toInt())
        : QString();
    const int markSize = opt.fontMetrics.height() * 9 / 10;
    const int endWidth = (total.isValid() ? opt.fontMetrics.horizontalAdvance(count) : markSize) + opt.fontMetrics.averageCharWidth();
    // The title gives way to the mark or count, which always shows.
    opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, qMax(0, textRect.width() - endWidth));
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor ink = opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                                         selected ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(ink);
    if (total.isValid()) {
        painter->setFont(opt.font);
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, count);
        // A thin bar under the title: an outline for the module, filled for the pages done.
        const QRectF bar(textRect.left() + 0.5, option.rect.bottom() - 3.5, textRect.width() - 1.0, 3.0);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(ink, 1));
        painter->drawRect(bar);
        const double fraction = total.toInt() > 0 ? index.data(NavigationTree::PagesDoneRole).toDouble() / total.toInt() : 0;
        painter->fillRect(QRectF(bar.left(), bar.top(), bar.width() * fraction, bar.height()), ink);
    } else {
        const QRect box(textRect.right() - markSize, textRect.center().y() - markSize / 2, markSize, markSize);
        drawStateMark(painter, box, state.toInt());
    }
    painter->restore();
}

void NavigationProgressDelegate::drawStateMark(QPainter *painter, const QRect &box, int state)
{
    const QColor ink = painter->pen().color();
    const QRectF ring = QRectF(box).adjusted(1.5, 1.5, -1.5, -1.5);
    switch (PageState::State(state)) {
    case PageState::State::Unread:
        painter->setPen(QPen(ink, 1.2));
        painter->drawEllipse(ring);
        break;
    case PageState::State::Visited:
        painter->setPen(QPen(ink, 1.2));
        painter->drawEllipse(ring);
        painter->setBrush(ink);
        painter->drawEllipse(ring.center(), ring.width() / 3.5, ring.height() / 3.5);
        break;
    case PageState::State::Done: {
        QPainterPath tick;
        tick.moveTo(ring.left(), ring.center().y());
        tick.lineTo(ring.left() + ring.width() * 0.4, ring.bottom());
        tick.lineTo(ring.right(), ring.top());
        painter->setPen(QPen(ink, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(tick);
        break;
    }
    }
}
