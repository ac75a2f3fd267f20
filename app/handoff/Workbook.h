#pragma once

#include "Answer.h"
#include "Bookmark.h"
#include "Note.h"
#include "PageProgress.h"
#include "WorkshopRecords.h"

#include <QDateTime>
#include <QString>
#include <QVector>

// A workshop record's group grids as a workbook file carries them.
struct WorkbookWorkshop {
    WorkshopRecord record;
    QVector<Answer> grids;  // current version of each grid
};

// One learner's work on one course, as a .coursebook file holds it (docs/workbook-file.md).
struct Workbook {
    QString courseId;
    QString courseTitle;
    QString courseVersion;  // the course's _config.yml `version`, when it has one
    QString owner;          // the name as the learner wrote it
    QDateTime saved;        // UTC
    QString app;            // the Coursebook version that wrote it
    QVector<Answer> answers;
    QVector<Answer> history;  // every version of every answer, newest first per activity
    QVector<PageProgress> progress;
    QVector<Note> notes;
    QVector<Bookmark> bookmarks;
    QVector<WorkbookWorkshop> workshops;
};
