#pragma once

#include "ActivitySpec.h"
#include "Workbook.h"

#include <QHash>
#include <QString>

class Course;

// A learner's work on one page as HTML, for reading it beside the course without being able
// to change it (a .coursebook opened by a facilitator): the page's activities with the
// owner's answers (a KWL and a worksheet as tables), their note on the page, and links to the
// other pages they answered (`page:<id>`). Everything the learner typed is escaped.
namespace WorkbookPageHtml {
// Which page each of the course's activities is on: its own place, not a revisit.
QHash<QString, QString> pagesOfActivities(const Course &course);

QString page(const Course &course, const Workbook &workbook, const QString &pageId, const QVector<ActivitySpec> &activities,
             const QHash<QString, QString> &pageOfActivity);

// The answer alone, as the printed worksheet draws it (WorksheetGridHtml); empty when nothing was written.
QString answer(const ActivitySpec &spec, const Answer &answer);
}  // namespace WorkbookPageHtml
