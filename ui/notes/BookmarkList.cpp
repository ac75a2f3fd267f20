#include "BookmarkList.h"

#include "Course.h"

#include <QKeyEvent>

namespace {
constexpr int kPageRole = Qt::UserRole;
constexpr int kAnchorRole = Qt::UserRole + 1;
}  // namespace

BookmarkList::BookmarkList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("bookmarkList"));
    setAccessibleName(tr("Bookmarks"));
    setAccessibleDescription(tr("Enter opens the bookmarked place; Delete removes the bookmark."));
    setWordWrap(true);
}

void BookmarkList::setBookmarks(const Course &course, const QVector<Bookmark> &bookmarks)
{
    const QString current = currentItem() ? pageId(currentItem()) + QChar(0x1f) + anchor(currentItem()) : QString();
    clear();
    for (const Bookmark &bookmark : bookmarks) {
        const CoursePage *page = course.findPage(bookmark.pageId);
        // A page gone from the course keeps its bookmark (the course may come back), shown by the title it had.
        const QString pageTitle = page ? page->title : bookmark.title;
        const QString text = bookmark.anchor.isEmpty() ? pageTitle : tr("%1 › %2").arg(pageTitle, bookmark.title);
        auto *item = new QListWidgetItem(page ? text : tr("%1 (not in this course now)").arg(text), this);
        item->setData(kPageRole, bookmark.pageId);
        item->setData(kAnchorRole, bookmark.anchor);
        if (bookmark.pageId + QChar(0x1f) + bookmark.anchor == current)
            setCurrentItem(item);
    }
    if (!currentItem() && count() > 0)
        setCurrentRow(0);
}

QString BookmarkList::pageId(const QListWidgetItem *item)
{
    return item->data(kPageRole).toString();
}

QString BookmarkList::anchor(const QListWidgetItem *item)
{
    return item->data(kAnchorRole).toString();
}

void BookmarkList::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && currentItem()) {
        const int row = currentRow();
        emit removeRequested(pageId(currentItem()), anchor(currentItem()));
        setCurrentRow(qMin(row, count() - 1));  // the focus stays in the list, on the next bookmark
        return;
    }
    QListWidget::keyPressEvent(event);
}
