#pragma once

#include <QDateTime>
#include <QString>

// A place the learner marked to come back to: a page (empty anchor) or one of its headings.
struct Bookmark {
    QString courseId;
    QString pageId;
    QString anchor;  // a heading id; "" for the page itself
    QString title;   // the page's or heading's title when bookmarked
    QDateTime created;  // UTC

    bool operator==(const Bookmark &) const = default;
};
