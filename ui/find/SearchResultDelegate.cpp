#include "SearchResultDelegate.h"

#include "SearchHit.h"
#include "SearchResultList.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

#include <memory>
#include <utility>

namespace {
constexpr int kMargin = 6;
constexpr int kIndent = 14;

QTextDocument *snippetDocument(const QString &snippet, const QFont &font, const QColor &text, int width)
{
    auto *document = new QTextDocument;
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setDefaultStyleSheet(QStringLiteral("body { color: %1; }").arg(text.name()));
    document->setHtml(QStringLiteral("<body>%1</body>").arg(SearchResultDelegate::snippetHtml(snippet)));
    document->setTextWidth(width);
    return document;
}
}  // namespace

QString SearchResultDelegate::snippetHtml(const QString &snippet)
{
    QString html;
    QString run;
    bool marked = false;
    const auto flush = [&] { html += std::exchange(run, QString()).toHtmlEscaped(); };
    for (const QChar c : snippet) {
        if (c == SearchHit::kMatchStart || c == SearchHit::kMatchEnd) {
            const bool start = c == SearchHit::kMatchStart;
            if (start == marked)
                continue;  // a stray mark
            flush();
            html += start ? QStringLiteral("<b style=\"background-color:#ffe066;color:#000000\">") : QStringLiteral("</b>");
            marked = start;
        } else {
            run += c;
        }
    }
    flush();
    return marked ? html + QStringLiteral("</b>") : html;
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = index.data(Qt::DisplayRole).toString();
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);  // background, selection, focus

    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QRect area = opt.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    painter->save();
    painter->setPen(text);
    QFont bold = opt.font;
    bold.setBold(true);
    if (index.data(SearchResultList::HitRole).toInt() < 0) {  // a module heading, ruled off from the hits
        painter->setFont(bold);
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(title, Qt::ElideRight, area.width()));
        painter->setPen(opt.palette.color(QPalette::Mid));
        painter->drawLine(area.left(), opt.rect.bottom(), area.right(), opt.rect.bottom());
        painter->restore();
        return;
    }
    area.setLeft(area.left() + kIndent);  // hits sit under their module
    const QString kind = index.data(SearchResultList::KindRole).toString();
    const int kindWidth = opt.fontMetrics.horizontalAdvance(kind) + kMargin;
    const int line = opt.fontMetrics.lineSpacing();
    painter->drawText(QRect(area.right() - kindWidth, area.top(), kindWidth, line), Qt::AlignRight, kind);
    painter->setFont(bold);
    painter->drawText(QRect(area.left(), area.top(), area.width() - kindWidth, line), Qt::AlignLeft,
                      QFontMetrics(bold).elidedText(title, Qt::ElideRight, area.width() - kindWidth - kMargin));
    std::unique_ptr<QTextDocument> snippet(snippetDocument(index.data(SearchResultList::SnippetRole).toString(), opt.font, text, area.width()));
    painter->translate(area.left(), area.top() + line + 2);
    const QRect clip(0, 0, area.width(), area.height() - line - 2);
    painter->setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, text);
    context.clip = clip;
    snippet->documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.lineSpacing();
    const bool heading = index.data(SearchResultList::HitRole).toInt() < 0;
    // A heading stands apart from the hits above it; a hit shows its title and two lines of snippet.
    return QSize(200, heading ? line + kMargin * 2 : line * 3 + kMargin + 2);
}
