#pragma once

#include <QStyledItemDelegate>

// Draws a row of the course search's results: a module heading, or a hit with its page
// title, its kind (Page, My answer, My note) and its snippet with the matched words marked.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The snippet as rich text: everything escaped, the index's match marks made bold and
    // highlighted (an unclosed mark ends with the snippet).
    static QString snippetHtml(const QString &snippet);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
