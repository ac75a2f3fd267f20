#include "WrappingHeaderView.h"

#include <QFontMetrics>

namespace {
constexpr int kPadding = 12;  // the style sheet's section padding, both sides
}

WrappingHeaderView::WrappingHeaderView(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    // Narrower columns need a taller header: the grid lays its header out again.
    connect(this, &QHeaderView::sectionResized, this, [this] {
        updateGeometry();
        if (parentWidget())
            QMetaObject::invokeMethod(parentWidget(), "updateGeometries", Qt::QueuedConnection);
    });
}

QSize WrappingHeaderView::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    for (int i = 0; i < count(); ++i) {
        if (!isSectionHidden(i))
            size.setHeight(qMax(size.height(), sectionSizeFromContents(i).height()));
    }
    return size;
}

QSize WrappingHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    if (!model())
        return size;
    const QString text = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    QFont bold = font();
    bold.setBold(true);  // the titles are set in bold
    const int width = qMax(sectionSize(logicalIndex) - kPadding, 16);
    const QRect wrapped = QFontMetrics(bold).boundingRect(QRect(0, 0, width, 100000), Qt::AlignCenter | Qt::TextWordWrap, text);
    size.setHeight(qMax(size.height(), wrapped.height() + kPadding));
    return size;
}
