#pragma once

#include <QDateTime>
#include <QString>

// The learner's private note on one page. Versioned like answers (note_versions): the
// current note is the newest version, and an emptied note is a version with empty text.
struct Note {
    QString courseId;
    QString pageId;
    QString text;
    QDateTime updated;  // UTC

    bool operator==(const Note &) const = default;
};
