#include "AnswerFileRecovery.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <algorithm>

namespace {

// SQLite's primary result code (Qt reports extended codes such as 267 for 11).
int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

QString timestamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

}  // namespace

namespace AnswerFileRecovery {

FileState inspect(const QString &path, QString *error)
{
    // An empty file is a valid empty database, unless a -wal holds what was written to it.
    if (QFileInfo(path).size() == 0 && QFileInfo(path + QStringLiteral("-wal")).size() == 0)
        return FileState::Missing;

    // A separate read-only connection: it cannot change the file, and unlike a writable
    // one it does not checkpoint a -wal into the file when closed, so a file moved aside
    // is exactly what was found.
    const QString name = QStringLiteral("coursebook-inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    FileState state = FileState::Healthy;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        auto classify = [&](const QSqlError &sqlError) {
            const int code = sqliteCode(sqlError);
            if (code == kSqliteNotADatabase) {
                *error = AnswerStore::tr("it is not a database");
                return FileState::Damaged;
            }
            if (code == kSqliteCorrupt) {
                *error = AnswerStore::tr("it is damaged");
                return FileState::Damaged;
            }
            *error = sqlError.text();
            return FileState::Unreadable;
        };
        if (!db.open()) {
            state = classify(db.lastError());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                state = classify(query.lastError());
            } else if (const int version = query.value(0).toInt(); version > AnswerStore::kSchemaVersion) {
                *error = AnswerStore::tr("it was written by a newer version of Coursebook (format %1; this version reads up to %2)")
                               .arg(version).arg(AnswerStore::kSchemaVersion);
                state = FileState::Newer;
            } else if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
                state = classify(query.lastError());
            } else if (const QString verdict = query.value(0).toString(); verdict != QLatin1String("ok")) {
                *error = AnswerStore::tr("it is damaged: %1").arg(verdict);
                state = FileState::Damaged;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

AnswerStore::OpenReport moveAside(const QString &path, const QString &tag, const QString &reason)
{
    // The -wal holds committed transactions not yet copied into the file, so it moves
    // with it; left behind, it would also be replayed into the fresh store.
    const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    const QString base = path + QLatin1Char('.') + tag + QLatin1Char('-') + timestamp();
    QString target = base;
    auto taken = [&](const QString &candidate) {
        return std::any_of(suffixes.begin(), suffixes.end(), [&](const QString &s) { return QFileInfo::exists(candidate + s); });
    };
    for (int n = 2; taken(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QStringList moved;
    for (const QString &suffix : suffixes) {
        QFile file(path + suffix);
        if (!file.exists())
            continue;
        if (!file.rename(target + suffix)) {
            const QString error = file.errorString();
            for (const QString &done : moved)  // put the set back together: the file only makes sense with its -wal
                QFile::rename(target + done, path + done);
            AnswerStore::OpenReport report;
            report.status = AnswerStore::OpenReport::Status::Failed;
            report.message = AnswerStore::tr("Your answers file %1 cannot be used (%2), and moving it aside failed (%3). "
                                             "It was left untouched; nothing can be saved until it is moved or repaired.")
                                 .arg(QDir::toNativeSeparators(path), reason, error);
            return report;
        }
        moved << suffix;
    }

    AnswerStore::OpenReport report;
    report.status = AnswerStore::OpenReport::Status::MovedAside;
    report.movedTo = target;
    report.message = AnswerStore::tr("Your answers file could not be used (%1), so Coursebook started a new, empty one. "
                                     "The old file was kept, unchanged, as %2.")
                         .arg(reason, QDir::toNativeSeparators(target));
    return report;
}

}  // namespace AnswerFileRecovery
