#pragma once

#include "Bookmark.h"

#include <QListWidget>

class Course;

// The sidebar's list of bookmarks, in the order they were made: Enter or a double click
// opens one (itemActivated), Delete removes the current one.
class BookmarkList : public QListWidget
{
    Q_OBJECT
public:
    explicit BookmarkList(QWidget *parent = nullptr);

    void setBookmarks(const Course &course, const QVector<Bookmark> &bookmarks);
    // The bookmark `item` stands for.
    static QString pageId(const QListWidgetItem *item);
    static QString anchor(const QListWidgetItem *item);

signals:
    void removeRequested(const QString &pageId, const QString &anchor);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};
