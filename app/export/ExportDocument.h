#pragma once

#include "ActivitySpec.h"
#include "Answer.h"
#include "Course.h"
#include "ExportScope.h"
#include "ReadingSettings.h"

#include <QDate>
#include <optional>

class AnswerStore;
class WorkshopRecords;
struct WorkshopRecord;

// One activity in a worksheet export, with where it sits in the course and the answer.
struct ExportItem {
    QString moduleId;
    QString moduleTitle;
    QString pageId;
    QString pageTitle;
    ActivitySpec spec;             // title, kind, prompt (HTML and text), worksheet design
    std::optional<Answer> answer;  // none in a blank export, or when never answered
};

// The learner's private note on one page in the export's scope.
struct ExportNote {
    QString moduleId;
    QString moduleTitle;  // the page's own title for the course home, as for its activities
    QString pageTitle;
    QString text;
};

// The single model every worksheet exporter (DOCX, PDF) writes from: the course and
// learner, then each activity in scope in course order.
struct ExportDocument {
    QString courseTitle;
    QString learner;
    QString scopeTitle;  // "Whole workbook", a module's, page's or activity's title
    QDate date;
    bool blank = false;
    QVector<ExportItem> items;
    // "My notes", after the activities: the notes on the pages in scope (the whole course, a
    // module or a page; none for one activity, orphans, a blank or a workshop export), in course order.
    QVector<ExportNote> notes;
    ReadingSettings reading;  // the learner's font, text size and line spacing for the document

    // Builds the document; false with *error when the scope names nothing in the course.
    // A null store (or blank) gives an export without answers.
    static bool build(const Course &course, const AnswerStore *store, const ExportScope &scope, bool blank,
                      const QString &learner, ExportDocument *document, QString *error);
    // A workshop record's group grids: the activities of its module, answered from the
    // workshops store (never the facilitator's own answers), titled with its name and dated
    // on its day. False with *error when the course has no such module.
    static bool buildForWorkshop(const Course &course, const WorkshopRecords &records, const WorkshopRecord &record,
                                 ExportDocument *document, QString *error);
};
