#include "WorkshopCommands.h"

#include "Course.h"
#include "ExportDocument.h"
#include "WorkshopRecords.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkshopCommands", text);
}

bool hasRecords(const QString &dataDir)
{
    return QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("workshops/answers.sqlite")));
}

// Opens the records for reading; false after saying why on err.
bool open(WorkshopRecords &records, const QString &dataDir, QTextStream &err)
{
    const AnswerStore::OpenReport report = records.open(dataDir);
    const bool usable = report.status != AnswerStore::OpenReport::Status::Failed && records.isOpen();
    if (!report.message.isEmpty())
        err << "coursebook: " << (usable ? tr("note: ") : QString()) << report.message << "\n";
    return usable;
}

}  // namespace

namespace WorkshopCommands {

int list(const Course &course, const QString &dataDir, QTextStream &out, QTextStream &err)
{
    if (!hasRecords(dataDir))
        return 0;
    WorkshopRecords records;
    if (!open(records, dataDir, err))
        return 1;
    const QVector<WorkshopRecord> found = records.records(course.id);
    if (!records.lastError().isEmpty()) {
        err << "coursebook: " << records.lastError() << "\n";
        return 1;
    }
    for (const WorkshopRecord &record : found)
        out << record.id << '\t' << record.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << '\t' << record.moduleId
            << '\t' << record.name << "\n";
    return 0;
}

bool document(const Course &course, const QString &dataDir, const QString &recordId, ExportDocument *doc, QTextStream &err)
{
    const QString missing = tr("no workshop record \"%1\" (see --list-workshops)").arg(recordId);
    if (!hasRecords(dataDir)) {
        err << "coursebook: " << missing << "\n";
        return false;
    }
    WorkshopRecords records;
    if (!open(records, dataDir, err))
        return false;
    const std::optional<WorkshopRecord> record = records.record(recordId);
    if (!record) {
        err << "coursebook: " << (records.lastError().isEmpty() ? missing : records.lastError()) << "\n";
        return false;
    }
    QString error;
    if (!ExportDocument::buildForWorkshop(course, records, *record, doc, &error)) {
        err << "coursebook: " << error << "\n";
        return false;
    }
    if (!records.store()->lastError().isEmpty()) {
        err << "coursebook: " << records.store()->lastError() << "\n";
        return false;
    }
    return true;
}

}  // namespace WorkshopCommands
