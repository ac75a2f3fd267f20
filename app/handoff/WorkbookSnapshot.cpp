#include "WorkbookSnapshot.h"

#include "AnswerStore.h"
#include "Course.h"
#include "WorkbookFile.h"
#include "WorkshopRecords.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace WorkbookSnapshot {

bool take(const Course &course, const AnswerStore &store, const WorkshopRecords *records, const QString &owner, Workbook *workbook,
          QString *error)
{
    Workbook out;
    out.courseId = course.id;
    out.courseTitle = course.title;
    out.courseVersion = course.siteConfig.value(QStringLiteral("version")).toString();
    out.owner = WorkbookFile::cleanOwner(owner);
    out.saved = QDateTime::currentDateTimeUtc();
    out.app = QStringLiteral(COURSEBOOK_VERSION);
    out.answers = store.answers(course.id);
    out.progress = store.progress(course.id);
    out.notes = store.notes(course.id);
    out.bookmarks = store.bookmarks(course.id);
    for (const Answer &answer : std::as_const(out.answers))
        out.history += store.history(course.id, answer.activityId);
    if (!store.lastError().isEmpty()) {
        *error = store.lastError();
        return false;
    }
    if (records) {
        for (const WorkshopRecord &record : records->records(course.id))
            out.workshops.append({record, records->store()->answers(WorkshopRecords::storeCourseId(record))});
        if (!records->lastError().isEmpty()) {
            *error = records->lastError();
            return false;
        }
    }
    *workbook = out;
    return true;
}

bool takeWithRecordsIn(const QString &dataDir, const Course &course, const AnswerStore &store, const QString &owner, Workbook *workbook,
                       QString *error)
{
    WorkshopRecords records;
    const bool withRecords = QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("workshops/answers.sqlite")));
    if (withRecords && records.open(dataDir).status == AnswerStore::OpenReport::Status::Failed) {
        *error = QCoreApplication::translate("WorkbookSnapshot", "cannot read the workshop records in %1").arg(dataDir);
        return false;
    }
    return take(course, store, withRecords ? &records : nullptr, owner, workbook, error);
}

}  // namespace WorkbookSnapshot
