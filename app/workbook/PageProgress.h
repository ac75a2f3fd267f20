#pragma once

#include <QDateTime>
#include <QString>

// What the learner has done with one page of a course, kept beside the answers and keyed
// like them by course id and page id: whether it was ever shown, the learner's own mark,
// and where they were reading in it.
struct PageProgress {
    // NotDone undoes a page that counts as done because all its activities are.
    enum class Mark { None, Done, NotDone };

    QString pageId;
    bool visited = false;
    Mark mark = Mark::None;
    QDateTime markUpdated;  // UTC; invalid when never marked
    // The reading position: the id of the last heading above the top of the view ("" for
    // the top of the page) and how far through that heading's section, 0 to 1, so that
    // another zoom or window width lands on the same words.
    QString anchor;
    double offset = 0;
    QDateTime read;  // UTC, when the position was last saved: the newer position wins a merge

    bool operator==(const PageProgress &) const = default;

    static QString markName(Mark mark);  // "", "done", "not-done"
    static bool markFromName(const QString &name, Mark *mark);
};
