#pragma once

#include <QHeaderView>

// A grid's column titles wrapped onto as many lines as the column's width needs, instead
// of cut off ("How we will know it worked" in a narrow Workbook pane or at a large zoom).
class WrappingHeaderView : public QHeaderView
{
    Q_OBJECT
public:
    explicit WrappingHeaderView(QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};
