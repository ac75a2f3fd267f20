#include "AnswerConnection.h"

#include "AnswerFileRecovery.h"
#include "AnswerSchema.h"
#include "SqlStatement.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>
#include <QUrl>
#include <QUuid>

namespace {

const QString kFileName = QStringLiteral("answers.sqlite");

}  // namespace

using OpenReport = AnswerStore::OpenReport;

AnswerConnection::AnswerConnection()
    : m_name(QStringLiteral("coursebook-answers-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
}

AnswerConnection::~AnswerConnection()
{
    close();
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase AnswerConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

void AnswerConnection::close()
{
    database().close();
    m_open = false;
    m_writable = false;
}

QString AnswerConnection::describe(const QString &what, const QString &sqlError) const
{
    return AnswerStore::tr("%1: %2 (in %3)").arg(what, sqlError, QDir::toNativeSeparators(m_path));
}

OpenReport AnswerConnection::open(const QString &dataDir)
{
    close();
    m_dataDir = dataDir;
    m_path = QDir(dataDir).absoluteFilePath(kFileName);
    const QString folder = QDir::toNativeSeparators(QDir(dataDir).absolutePath());

    OpenReport report;
    auto problem = [&](OpenReport::Status status, const QString &message) {
        report.status = status;
        report.message = message;
        return report;
    };

    if (dataDir.isEmpty())
        return problem(OpenReport::Status::Failed, AnswerStore::tr("Your answers cannot be saved: no folder was given for them."));
    if (!QDir().mkpath(dataDir)) {
        QFileInfo blocker(QDir(dataDir).absolutePath());
        while (!blocker.exists() && !blocker.isRoot())
            blocker = QFileInfo(blocker.absolutePath());
        if (blocker.isDir())
            return problem(OpenReport::Status::ReadOnly,
                           AnswerStore::tr("The answers folder %1 cannot be created because %2 is read-only.")
                               .arg(folder, QDir::toNativeSeparators(blocker.absoluteFilePath())));
        return problem(OpenReport::Status::Failed,
                       AnswerStore::tr("The answers folder %1 cannot be created because %2 is a file, not a folder.")
                           .arg(folder, QDir::toNativeSeparators(blocker.absoluteFilePath())));
    }

    const QFileInfo file(m_path);
    const bool folderWritable = QFileInfo(dataDir).isWritable();
    if (!folderWritable || (file.exists() && !file.isWritable())) {
        // Show what is saved (the file cannot be checked or moved aside here); saving
        // fails until it can be written.
        const bool readable = file.size() > 0 && openDatabase(true).status == OpenReport::Status::Ok;
        const QString what = folderWritable ? AnswerStore::tr("The answers file %1").arg(QDir::toNativeSeparators(m_path))
                                            : AnswerStore::tr("The answers folder %1").arg(folder);
        return problem(OpenReport::Status::ReadOnly,
                       readable ? AnswerStore::tr("%1 is read-only: what you type cannot be saved until it can be written again.").arg(what)
                                : AnswerStore::tr("%1 is read-only: what you type cannot be saved, and saved answers cannot be shown, "
                                                  "until it can be written again.").arg(what));
    }

    using AnswerFileRecovery::FileState;
    QString reason;
    const FileState state = AnswerFileRecovery::inspect(m_path, &reason);
    if (state == FileState::Unreadable)
        return problem(OpenReport::Status::Failed, describe(AnswerStore::tr("Your answers cannot be read"), reason));
    if (state == FileState::Damaged || state == FileState::Newer) {
        const OpenReport moved = AnswerFileRecovery::moveAside(
            m_path, state == FileState::Newer ? QStringLiteral("newer") : QStringLiteral("corrupt"), reason);
        if (moved.status != OpenReport::Status::MovedAside)
            return problem(moved.status, moved.message);
        const OpenReport fresh = openDatabase(false);
        if (fresh.status != OpenReport::Status::Ok)
            return problem(fresh.status, moved.message + QLatin1Char(' ') + fresh.message);
        return moved;
    }
    return openDatabase(false);
}

OpenReport AnswerConnection::openDatabase(bool readOnly)
{
    QSqlDatabase db = database();
    OpenReport report;
    auto failed = [&](const QString &error) {
        db.close();
        report.status = OpenReport::Status::Failed;
        report.message = describe(AnswerStore::tr("Your answers cannot be opened"), error);
        return report;
    };
    if (readOnly) {
        // Reading a WAL file needs its -shm, which a read-only folder cannot hold; immutable
        // reads the file alone, which is complete unless a -wal was left by a crash.
        if (QFileInfo(m_path + QStringLiteral("-wal")).size() > 0)
            return failed(AnswerStore::tr("recent answers are still in %1-wal").arg(QDir::toNativeSeparators(m_path)));
        db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(m_path);
        db.setConnectOptions(QString());
    }

    if (!db.open())
        return failed(db.lastError().text());

    QStringList pragmas = {
        // Other stores on the same file hold the write lock for milliseconds; wait for them.
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        // No foreign keys yet; on so that later schema steps can rely on them.
        QStringLiteral("PRAGMA foreign_keys = ON"),
    };
    if (!readOnly) {
        pragmas += {
            // Readers and the writer do not block each other, and a crash mid-write cannot damage the file.
            QStringLiteral("PRAGMA journal_mode = WAL"),
            // WAL with NORMAL survives a crash of the app but may lose the last saves when the power
            // goes (a laptop battery running out); FULL syncs each save to disk, a cost a person typing
            // does not notice, so every committed save survives that too.
            QStringLiteral("PRAGMA synchronous = FULL"),
        };
    }
    QString error;
    for (const QString &pragma : pragmas) {
        if (!SqlStatement::exec(db, pragma, &error))
            return failed(error);
    }
    if (readOnly) {
        // A file never migrated (empty, version 0) has no tables to read; an older one has
        // its answers (what it lacks, such as progress, reads as an error of its own).
        if (const int version = AnswerSchema::version(db, &error); version < 1 || version > AnswerStore::kSchemaVersion)
            return failed(error.isEmpty() ? AnswerStore::tr("it holds no answers yet") : error);
    } else if (!AnswerSchema::migrate(db, &error)) {
        return failed(error);
    }
    m_open = true;
    m_writable = !readOnly;
    return report;
}
