#include "WorkshopRecords.h"

#include "StoreLog.h"

#include "AnswerConnection.h"
#include "WorkshopRecordTable.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QUuid>

using OpenReport = AnswerStore::OpenReport;

WorkshopRecords::WorkshopRecords(QObject *parent)
    : QObject(parent)
    , m_records(std::make_unique<AnswerConnection>())
{
}

WorkshopRecords::~WorkshopRecords() = default;

QString WorkshopRecords::folder() const
{
    return m_dataDir.isEmpty() ? QString() : QDir(m_dataDir).filePath(QStringLiteral("workshops"));
}

bool WorkshopRecords::fail(const QString &message) const
{
    qCWarning(lcStore).noquote() << message;
    m_lastError = message;
    return false;
}

OpenReport WorkshopRecords::open(const QString &dataDir)
{
    m_dataDir = dataDir;
    OpenReport report = m_store.open(folder());
    if (m_store.isOpen()) {
        // After the store, which has moved a damaged file aside and made the answers' tables:
        // this connection finds a sound file, and only adds the records' table.
        const OpenReport records = m_records->open(folder());
        QString error;
        if (m_records->isWritable() && !WorkshopRecordTable::ensure(m_records->database(), &error)) {
            m_records->close();
            report.status = OpenReport::Status::Failed;
            report.message = m_records->describe(tr("The workshop records cannot be opened"), error);
        } else if (report.status == OpenReport::Status::Ok && records.status != OpenReport::Status::Ok) {
            report = records;
        }
    }
    if (!report.message.isEmpty())
        qCWarning(lcStore).noquote() << report.message;
    m_lastError = report.status == OpenReport::Status::MovedAside ? QString() : report.message;
    return report;
}

bool WorkshopRecords::isOpen() const
{
    return m_store.isOpen() && m_records->isOpen();
}

bool WorkshopRecords::ensureWritable(const QString &what)
{
    // As AnswerStore does: reopen a file that could not be written, or that vanished, so that
    // trying again succeeds once the folder can be written.
    if (m_records->isWritable() && QFileInfo::exists(m_records->path()))
        return true;
    if (m_dataDir.isEmpty())
        return fail(tr("%1: no data folder was opened.").arg(what));
    const OpenReport report = m_records->open(folder());
    if (!m_records->isWritable())
        return fail(tr("%1: %2").arg(what, report.message));
    QString error;
    return WorkshopRecordTable::ensure(m_records->database(), &error) || fail(m_records->describe(what, error));
}

QString WorkshopRecords::cleanName(const QString &name)
{
    QString spaced = name;
    for (QChar &c : spaced) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return spaced.simplified();
}

bool WorkshopRecords::acceptName(const QString &name, QString *clean) const
{
    *clean = cleanName(name);
    if (clean->isEmpty())
        return fail(tr("A workshop record needs a name."));
    if (clean->size() > kMaxNameLength)
        return fail(tr("A workshop record's name can have at most %1 characters; this one has %2.").arg(kMaxNameLength).arg(clean->size()));
    return true;
}

std::optional<WorkshopRecord> WorkshopRecords::create(const QString &courseId, const QString &moduleId, const QString &name)
{
    m_lastError.clear();
    QString clean;
    if (!acceptName(name, &clean))
        return std::nullopt;
    const QString what = tr("The workshop record \"%1\" could not be saved").arg(clean);
    if (courseId.isEmpty() || moduleId.isEmpty()) {
        fail(tr("%1: it names no course or no module.").arg(what));
        return std::nullopt;
    }
    if (!ensureWritable(what))
        return std::nullopt;
    // Short enough to type after --workshop; 48 random bits never meet on one laptop.
    const WorkshopRecord record{QUuid::createUuid().toString(QUuid::Id128).left(12), courseId, moduleId, clean,
                                QDateTime::currentDateTimeUtc()};
    QString error;
    if (!WorkshopRecordTable::insert(m_records->database(), record, &error)) {
        fail(m_records->describe(what, error));
        return std::nullopt;
    }
    emit recordsChanged(courseId);
    return record;
}

QVector<WorkshopRecord> WorkshopRecords::records(const QString &courseId) const
{
    m_lastError.clear();
    if (!m_records->isOpen()) {
        fail(tr("The workshop records cannot be read: their file is not open."));
        return {};
    }
    QString error;
    const QVector<WorkshopRecord> found = WorkshopRecordTable::ofCourse(m_records->database(), courseId, &error);
    if (!error.isEmpty())
        fail(m_records->describe(tr("The workshop records cannot be read"), error));
    return found;
}

std::optional<WorkshopRecord> WorkshopRecords::record(const QString &recordId) const
{
    m_lastError.clear();
    if (!m_records->isOpen()) {
        fail(tr("The workshop records cannot be read: their file is not open."));
        return std::nullopt;
    }
    QString error;
    const std::optional<WorkshopRecord> found = WorkshopRecordTable::find(m_records->database(), recordId, &error);
    if (!error.isEmpty())
        fail(m_records->describe(tr("The workshop records cannot be read"), error));
    return found;
}

bool WorkshopRecords::rename(const QString &recordId, const QString &name)
{
    m_lastError.clear();
    QString clean;
    if (!acceptName(name, &clean))
        return false;
    const QString what = tr("The workshop record could not be renamed");
    const std::optional<WorkshopRecord> existing = record(recordId);
    if (!existing)
        return m_lastError.isEmpty() ? fail(tr("%1: there is no record \"%2\".").arg(what, recordId)) : false;
    if (!ensureWritable(what))
        return false;
    QString error;
    if (!WorkshopRecordTable::rename(m_records->database(), recordId, clean, &error))
        return fail(error.isEmpty() ? tr("%1: there is no record \"%2\".").arg(what, recordId) : m_records->describe(what, error));
    emit recordsChanged(existing->courseId);
    return true;
}

QString WorkshopRecords::lastError() const
{
    return m_lastError;
}

AnswerStore *WorkshopRecords::store()
{
    return &m_store;
}

const AnswerStore *WorkshopRecords::store() const
{
    return &m_store;
}

QString WorkshopRecords::storeCourseId(const WorkshopRecord &record)
{
    // One per record, so two records' grids never mix (the file holds no course's answers).
    return QStringLiteral("workshop:") + record.id;
}
