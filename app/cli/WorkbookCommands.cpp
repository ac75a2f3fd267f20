#include "WorkbookCommands.h"

#include "AnswerStore.h"
#include "Course.h"
#include "ExportDocument.h"
#include "MergedWorkbooks.h"
#include "WorkbookFile.h"
#include "WorkbookSnapshot.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkbookCommands", text);
}

}  // namespace

namespace WorkbookCommands {

int save(const Course &course, const AnswerStore &store, const QString &dataDir, const QString &target, const QString &owner,
         QTextStream &out, QTextStream &err)
{
    Workbook workbook;
    QString error;
    if (!WorkbookSnapshot::takeWithRecordsIn(dataDir, course, store, owner, &workbook, &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    if (!WorkbookFile::save(target, workbook, &error)) {
        err << "coursebook: " << tr("cannot write %1: %2").arg(target, error) << "\n";
        return 1;
    }
    out << "saved the workbook of " << (workbook.owner.isEmpty() ? tr("(no name)") : workbook.owner) << " (" << workbook.answers.size()
        << " answers, " << workbook.history.size() << " versions, " << workbook.notes.size() << " notes, " << workbook.bookmarks.size()
        << " bookmarks, " << workbook.workshops.size() << " workshop records) to " << target << "\n";
    return 0;
}

bool mergedDocument(const Course &course, const QStringList &files, ExportDocument *doc, int *refused, QTextStream &err)
{
    QVector<Workbook> workbooks;
    *refused = 0;
    for (const QString &file : files) {
        Workbook workbook;
        QString error;
        if (WorkbookFile::load(file, course.id, &workbook, &error)) {
            workbooks.append(workbook);
        } else {
            err << "coursebook: " << error << " " << tr("(left out of the merge)") << "\n";
            ++*refused;
        }
    }
    if (workbooks.isEmpty()) {
        err << "coursebook: " << tr("no workbook to merge") << "\n";
        return false;
    }
    QString error;
    if (!MergedWorkbooks::build(course, workbooks, doc, &error)) {
        err << "coursebook: " << error << "\n";
        return false;
    }
    return true;
}

}  // namespace WorkbookCommands
