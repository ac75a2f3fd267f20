#include "AnswerStore.h"

#include "ActivitySpec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <array>
#include <iterator>

namespace {

const QString kFileName = QStringLiteral("answers.sqlite");
const QString kColumns = QStringLiteral("course_id, activity_id, kind, value, done, updated");

// kMigrations[v] takes the schema from version v to v + 1; open() runs the missing
// steps and sets user_version in one transaction, so a file is never half-migrated.
const std::array<QStringList, AnswerStore::kSchemaVersion> kMigrations = {
    QStringList{
        QStringLiteral("CREATE TABLE answer_versions ("
                       " id INTEGER PRIMARY KEY,"
                       " course_id TEXT NOT NULL,"
                       " activity_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " value TEXT NOT NULL,"  // compact JSON object
                       " done INTEGER NOT NULL CHECK (done IN (0, 1)),"
                       " updated TEXT NOT NULL"  // ISO-8601 UTC with ms: sorts as text
                       ")"),
        QStringLiteral("CREATE INDEX answer_versions_by_activity ON answer_versions (course_id, activity_id, updated, id)"),
    },
};

// The fixed-width form sorts chronologically as text, which the queries rely on.
QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// SQLite's primary result code (Qt reports extended codes such as 267 for 11).
int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

QVariant scalar(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        *error = query.lastError().text();
        return {};
    }
    return query.value(0);
}

bool exec(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

// BEGIN IMMEDIATE takes the write lock up front, waiting (busy_timeout) for other
// writers, so a read-then-write never fails half way with SQLITE_BUSY. Rolls back
// unless committed.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_db(db)
    {
        m_begun = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &m_error);
    }
    ~Transaction()
    {
        if (m_begun && !m_committed) {
            QString ignored;  // nothing more can be done; the connection's next BEGIN reports it
            exec(m_db, QStringLiteral("ROLLBACK"), &ignored);
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool begun() const { return m_begun; }
    QString error() const { return m_error; }
    bool commit()
    {
        m_committed = exec(m_db, QStringLiteral("COMMIT"), &m_error);
        return m_committed;
    }

private:
    QSqlDatabase m_db;
    bool m_begun = false;
    bool m_committed = false;
    QString m_error;
};

QVector<Answer> selectAnswers(const QSqlDatabase &db, const QString &sql, const QStringList &bindings, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QString &binding : bindings)
        query.addBindValue(binding);
    QVector<Answer> result;
    if (!query.exec()) {
        *error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        Answer answer;
        answer.courseId = query.value(0).toString();
        answer.activityId = query.value(1).toString();
        answer.kind = query.value(2).toString();
        answer.value = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        answer.done = query.value(4).toBool();
        answer.updated = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        result.append(answer);
    }
    return result;
}

std::optional<Answer> currentVersion(const QSqlDatabase &db, const QString &courseId, const QString &activityId, QString *error)
{
    const QVector<Answer> found = selectAnswers(
        db,
        QStringLiteral("SELECT %1 FROM answer_versions WHERE course_id = ? AND activity_id = ? "
                       "ORDER BY updated DESC, id DESC LIMIT 1").arg(kColumns),
        {courseId, activityId}, error);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

bool insertVersion(const QSqlDatabase &db, const Answer &answer, QString *error, qint64 *rowId = nullptr)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO answer_versions (%1) VALUES (?, ?, ?, ?, ?, ?)").arg(kColumns));
    query.addBindValue(answer.courseId);
    query.addBindValue(answer.activityId);
    query.addBindValue(answer.kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(answer.value).toJson(QJsonDocument::Compact)));
    query.addBindValue(answer.done ? 1 : 0);
    query.addBindValue(isoUtc(answer.updated));
    if (query.exec()) {
        if (rowId)
            *rowId = query.lastInsertId().toLongLong();
        return true;
    }
    *error = query.lastError().text();
    return false;
}

// Rewrites version `rowId` in place: the same typing burst, a later moment of it.
bool updateVersion(const QSqlDatabase &db, qint64 rowId, const Answer &answer, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE answer_versions SET kind = ?, value = ?, done = ?, updated = ? WHERE id = ?"));
    query.addBindValue(answer.kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(answer.value).toJson(QJsonDocument::Compact)));
    query.addBindValue(answer.done ? 1 : 0);
    query.addBindValue(isoUtc(answer.updated));
    query.addBindValue(rowId);
    if (query.exec() && query.numRowsAffected() == 1)
        return true;
    *error = query.lastError().text().isEmpty() ? QStringLiteral("the version to update is gone") : query.lastError().text();
    return false;
}

qint64 newestVersionId(const QSqlDatabase &db, const QString &courseId, const QString &activityId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM answer_versions WHERE course_id = ? AND activity_id = ? "
                                 "ORDER BY updated DESC, id DESC LIMIT 1"));
    query.addBindValue(courseId);
    query.addBindValue(activityId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

bool sameContent(const Answer &a, const Answer &b)
{
    return a.kind == b.kind && a.value == b.value && a.done == b.done;
}

// Checks what save() and importAnswers() store; the SQL error text would not help a learner.
QString invalidAnswer(const Answer &answer)
{
    ActivitySpec::Kind kind;
    if (answer.activityId.isEmpty())
        return AnswerStore::tr("An answer has no activity id.");
    if (!ActivitySpec::kindFromName(answer.kind, &kind))
        return AnswerStore::tr("The answer to %1 has an unknown kind \"%2\".").arg(answer.activityId, answer.kind);
    return {};
}

QString timestamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

}  // namespace

AnswerStore::AnswerStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("coursebook-answers-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
}

AnswerStore::~AnswerStore()
{
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString AnswerStore::defaultDataDir()
{
    const QString fromEnvironment = qEnvironmentVariable("COURSEBOOK_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // ~/.local/share/coursebook: AppDataLocation would nest organisation and application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/coursebook");
}

void AnswerStore::close()
{
    QSqlDatabase::database(m_connectionName, false).close();
    m_open = false;
    m_writable = false;
}

bool AnswerStore::isOpen() const
{
    return m_open;
}

QString AnswerStore::databasePath() const
{
    return m_path;
}

QString AnswerStore::lastError() const
{
    return m_lastError;
}

bool AnswerStore::fail(const QString &message) const
{
    m_lastError = message;
    return false;
}

QString AnswerStore::describe(const QString &what, const QString &sqlError) const
{
    return tr("%1: %2 (in %3)").arg(what, sqlError, QDir::toNativeSeparators(m_path));
}

AnswerStore::OpenReport AnswerStore::open(const QString &dataDir)
{
    close();
    m_lastError.clear();
    m_dataDir = dataDir;
    m_path = QDir(dataDir).absoluteFilePath(kFileName);
    const QString folder = QDir::toNativeSeparators(QDir(dataDir).absolutePath());

    OpenReport report;
    auto problem = [&](OpenReport::Status status, const QString &message) {
        report.status = status;
        report.message = message;
        m_lastError = message;
        return report;
    };

    if (dataDir.isEmpty())
        return problem(OpenReport::Status::Failed, tr("Your answers cannot be saved: no folder was given for them."));
    if (!QDir().mkpath(dataDir)) {
        QFileInfo blocker(QDir(dataDir).absolutePath());
        while (!blocker.exists() && !blocker.isRoot())
            blocker = QFileInfo(blocker.absolutePath());
        if (blocker.isDir())
            return problem(OpenReport::Status::ReadOnly,
                           tr("The answers folder %1 cannot be created because %2 is read-only.")
                               .arg(folder, QDir::toNativeSeparators(blocker.absoluteFilePath())));
        return problem(OpenReport::Status::Failed,
                       tr("The answers folder %1 cannot be created because %2 is a file, not a folder.")
                           .arg(folder, QDir::toNativeSeparators(blocker.absoluteFilePath())));
    }

    const QFileInfo file(m_path);
    const bool folderWritable = QFileInfo(dataDir).isWritable();
    if (!folderWritable || (file.exists() && !file.isWritable())) {
        // Show what is saved (the file cannot be checked or moved aside here); saving
        // fails until it can be written.
        const bool readable = file.size() > 0 && openConnection(true).status == OpenReport::Status::Ok;
        const QString what = folderWritable ? tr("The answers file %1").arg(QDir::toNativeSeparators(m_path))
                                            : tr("The answers folder %1").arg(folder);
        return problem(OpenReport::Status::ReadOnly,
                       readable ? tr("%1 is read-only: what you type cannot be saved until it can be written again.").arg(what)
                                : tr("%1 is read-only: what you type cannot be saved, and saved answers cannot be shown, "
                                     "until it can be written again.").arg(what));
    }

    QString reason;
    const FileState state = inspect(&reason);
    if (state == FileState::Unreadable)
        return problem(OpenReport::Status::Failed, describe(tr("Your answers cannot be read"), reason));
    if (state == FileState::Damaged || state == FileState::Newer) {
        const OpenReport moved = moveAside(state == FileState::Newer ? QStringLiteral("newer") : QStringLiteral("corrupt"), reason);
        if (moved.status != OpenReport::Status::MovedAside)
            return problem(moved.status, moved.message);
        const OpenReport fresh = openConnection(false);
        if (fresh.status != OpenReport::Status::Ok)
            return problem(fresh.status, moved.message + QLatin1Char(' ') + fresh.message);
        return moved;
    }
    const OpenReport opened = openConnection(false);
    if (opened.status != OpenReport::Status::Ok)
        m_lastError = opened.message;
    return opened;
}

AnswerStore::FileState AnswerStore::inspect(QString *problem) const
{
    // An empty file is a valid empty database, unless a -wal holds what was written to it.
    if (QFileInfo(m_path).size() == 0 && QFileInfo(m_path + QStringLiteral("-wal")).size() == 0)
        return FileState::Missing;

    // A separate read-only connection: it cannot change the file, and unlike a writable
    // one it does not checkpoint a -wal into the file when closed, so a file moved aside
    // is exactly what was found.
    const QString name = QStringLiteral("coursebook-inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    FileState state = FileState::Healthy;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        auto classify = [&](const QSqlError &error) {
            const int code = sqliteCode(error);
            if (code == kSqliteNotADatabase) {
                *problem = tr("it is not a database");
                return FileState::Damaged;
            }
            if (code == kSqliteCorrupt) {
                *problem = tr("it is damaged");
                return FileState::Damaged;
            }
            *problem = error.text();
            return FileState::Unreadable;
        };
        if (!db.open()) {
            state = classify(db.lastError());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
                state = classify(query.lastError());
            } else if (const int version = query.value(0).toInt(); version > kSchemaVersion) {
                *problem = tr("it was written by a newer version of Coursebook (format %1; this version reads up to %2)")
                               .arg(version).arg(kSchemaVersion);
                state = FileState::Newer;
            } else if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
                state = classify(query.lastError());
            } else if (const QString verdict = query.value(0).toString(); verdict != QLatin1String("ok")) {
                *problem = tr("it is damaged: %1").arg(verdict);
                state = FileState::Damaged;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return state;
}

AnswerStore::OpenReport AnswerStore::moveAside(const QString &tag, const QString &reason)
{
    // The -wal holds committed transactions not yet copied into the file, so it moves
    // with it; left behind, it would also be replayed into the fresh store.
    const QStringList suffixes = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};
    const QString base = m_path + QLatin1Char('.') + tag + QLatin1Char('-') + timestamp();
    QString target = base;
    auto taken = [&](const QString &candidate) {
        return std::any_of(suffixes.begin(), suffixes.end(), [&](const QString &s) { return QFileInfo::exists(candidate + s); });
    };
    for (int n = 2; taken(target); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QStringList moved;
    for (const QString &suffix : suffixes) {
        QFile file(m_path + suffix);
        if (!file.exists())
            continue;
        if (!file.rename(target + suffix)) {
            const QString error = file.errorString();
            for (const QString &done : moved)  // put the set back together: the file only makes sense with its -wal
                QFile::rename(target + done, m_path + done);
            OpenReport report;
            report.status = OpenReport::Status::Failed;
            report.message = tr("Your answers file %1 cannot be used (%2), and moving it aside failed (%3). "
                                "It was left untouched; nothing can be saved until it is moved or repaired.")
                                 .arg(QDir::toNativeSeparators(m_path), reason, error);
            return report;
        }
        moved << suffix;
    }

    OpenReport report;
    report.status = OpenReport::Status::MovedAside;
    report.movedTo = target;
    report.message = tr("Your answers file could not be used (%1), so Coursebook started a new, empty one. "
                        "The old file was kept, unchanged, as %2.")
                         .arg(reason, QDir::toNativeSeparators(target));
    return report;
}

AnswerStore::OpenReport AnswerStore::openConnection(bool readOnly)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    OpenReport report;
    auto failed = [&](const QString &error) {
        db.close();
        report.status = OpenReport::Status::Failed;
        report.message = describe(tr("Your answers cannot be opened"), error);
        return report;
    };
    if (readOnly) {
        // Reading a WAL file needs its -shm, which a read-only folder cannot hold; immutable
        // reads the file alone, which is complete unless a -wal was left by a crash.
        if (QFileInfo(m_path + QStringLiteral("-wal")).size() > 0)
            return failed(tr("recent answers are still in %1-wal").arg(QDir::toNativeSeparators(m_path)));
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
        if (!exec(db, pragma, &error))
            return failed(error);
    }
    if (readOnly) {
        // A file never migrated (empty, version 0) has no tables to read.
        const QVariant version = scalar(db, QStringLiteral("PRAGMA user_version"), &error);
        if (version.toInt() != kSchemaVersion)
            return failed(error.isEmpty() ? tr("it holds no answers yet") : error);
    } else if (!migrate(&error)) {
        return failed(error);
    }
    m_open = true;
    m_writable = !readOnly;
    return report;
}

bool AnswerStore::migrate(QString *problem)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (scalar(db, QStringLiteral("PRAGMA user_version"), problem).toInt() == kSchemaVersion)
        return problem->isEmpty();

    Transaction transaction(db);
    if (!transaction.begun()) {
        *problem = transaction.error();
        return false;
    }
    // Read again inside the transaction: another Coursebook may have migrated meanwhile.
    const int version = scalar(db, QStringLiteral("PRAGMA user_version"), problem).toInt();
    if (!problem->isEmpty())
        return false;
    if (version > kSchemaVersion) {
        *problem = tr("a newer version of Coursebook is using this file");
        return false;
    }
    for (int step = version; step < kSchemaVersion; ++step) {
        for (const QString &sql : kMigrations[step]) {
            if (!exec(db, sql, problem))
                return false;
        }
    }
    if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion), problem))
        return false;
    if (transaction.commit())
        return true;
    *problem = transaction.error();
    return false;
}

bool AnswerStore::ensureWritable()
{
    // SQLite would keep writing into a deleted file, losing every later save, so a file
    // that vanished (the folder was cleaned up) is recreated by reopening too.
    if (m_writable && QFileInfo::exists(m_path))
        return true;
    if (m_dataDir.isEmpty())
        return fail(tr("Your answers cannot be saved: no answers folder was opened."));
    const OpenReport report = open(m_dataDir);
    return m_writable || fail(report.message);
}

std::optional<Answer> AnswerStore::answer(const QString &courseId, const QString &activityId) const
{
    m_lastError.clear();
    if (!m_open) {
        fail(tr("Your answers cannot be read: the answers file is not open."));
        return std::nullopt;
    }
    QString error;
    std::optional<Answer> current = currentVersion(QSqlDatabase::database(m_connectionName, false), courseId, activityId, &error);
    if (!error.isEmpty())
        fail(describe(tr("Your answers cannot be read"), error));
    return current;
}

QVector<Answer> AnswerStore::answers(const QString &courseId) const
{
    m_lastError.clear();
    if (!m_open) {
        fail(tr("Your answers cannot be read: the answers file is not open."));
        return {};
    }
    QString error;
    const QVector<Answer> current = selectAnswers(
        QSqlDatabase::database(m_connectionName, false),
        QStringLiteral("SELECT %1 FROM (SELECT *, row_number() OVER (PARTITION BY activity_id ORDER BY updated DESC, id DESC)"
                       " AS newness FROM answer_versions WHERE course_id = ?) WHERE newness = 1").arg(kColumns),
        {courseId}, &error);
    if (!error.isEmpty())
        fail(describe(tr("Your answers cannot be read"), error));
    return current;
}

QVector<Answer> AnswerStore::history(const QString &courseId, const QString &activityId) const
{
    m_lastError.clear();
    if (!m_open) {
        fail(tr("Your answers cannot be read: the answers file is not open."));
        return {};
    }
    QString error;
    const QVector<Answer> versions = selectAnswers(
        QSqlDatabase::database(m_connectionName, false),
        QStringLiteral("SELECT %1 FROM answer_versions WHERE course_id = ? AND activity_id = ? ORDER BY updated DESC, id DESC")
            .arg(kColumns),
        {courseId, activityId}, &error);
    if (!error.isEmpty())
        fail(describe(tr("Your answers cannot be read"), error));
    return versions;
}

bool AnswerStore::save(const Answer &answer)
{
    m_lastError.clear();
    if (answer.courseId.isEmpty())
        return fail(tr("The answer to %1 has no course id.").arg(answer.activityId));
    if (const QString invalid = invalidAnswer(answer); !invalid.isEmpty())
        return fail(invalid);
    if (!ensureWritable())
        return false;

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString what = tr("Your answer to %1 could not be saved").arg(answer.activityId);
    Transaction transaction(db);
    if (!transaction.begun())
        return fail(describe(what, transaction.error()));
    QString error;
    const std::optional<Answer> current = currentVersion(db, answer.courseId, answer.activityId, &error);
    if (!error.isEmpty())
        return fail(describe(what, error));
    if (current && sameContent(*current, answer))
        return transaction.commit() || fail(describe(what, transaction.error()));

    Answer stored = answer;
    stored.updated = answer.updated.isValid() ? answer.updated.toUTC() : QDateTime::currentDateTimeUtc();
    if (current && stored.updated <= current->updated)
        stored.updated = current->updated.addMSecs(1);
    // Saves a few hundred ms apart are one typing burst: they rewrite the burst's version
    // (inside this transaction, so a crash keeps the last committed state) instead of
    // adding one per pause. A new burst, another process's version or a restore adds one.
    const QString burstKey = answer.courseId + QChar(0x1f) + answer.activityId;
    const auto burst = m_bursts.constFind(burstKey);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (burst != m_bursts.cend() && burst->started.secsTo(now) < m_burstSeconds
        && newestVersionId(db, answer.courseId, answer.activityId) == burst->rowId) {
        if (!updateVersion(db, burst->rowId, stored, &error))
            return fail(describe(what, error));
    } else {
        qint64 rowId = -1;
        if (!insertVersion(db, stored, &error, &rowId))
            return fail(describe(what, error));
        m_bursts.insert(burstKey, Burst{rowId, now});
    }
    if (!transaction.commit())
        return fail(describe(what, transaction.error()));
    emit answerSaved(stored);
    return true;
}

bool AnswerStore::restore(const QString &courseId, const QString &activityId, const QDateTime &versionUpdated)
{
    const QVector<Answer> versions = history(courseId, activityId);
    if (!m_lastError.isEmpty())
        return false;
    const auto version = std::find_if(versions.begin(), versions.end(),
                                      [&](const Answer &a) { return isoUtc(a.updated) == isoUtc(versionUpdated); });
    if (version == versions.end())
        return fail(tr("The answer to %1 has no version saved at %2.").arg(activityId, isoUtc(versionUpdated)));
    Answer again = *version;
    again.updated = QDateTime::currentDateTimeUtc();
    m_bursts.remove(courseId + QChar(0x1f) + activityId);  // a restore is a version of its own
    return save(again);
}

AnswerStore::ImportReport AnswerStore::importAnswers(const QString &courseId, const QVector<Answer> &answers)
{
    m_lastError.clear();
    ImportReport report;
    auto failed = [&](const QString &message) {
        fail(message);
        return ImportReport{0, 0, 0, message, {}};
    };
    if (!ensureWritable())
        return failed(m_lastError);

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString what = tr("The answers could not be imported");
    Transaction transaction(db);
    if (!transaction.begun())
        return failed(describe(what, transaction.error()));
    QVector<Answer> appended;
    for (const Answer &incoming : answers) {
        if (const QString invalid = invalidAnswer(incoming); !invalid.isEmpty())
            return failed(tr("The answers could not be imported: %1").arg(invalid));
        if (!incoming.updated.isValid())
            return failed(tr("The answers could not be imported: the answer to %1 has no date.").arg(incoming.activityId));
        Answer answer = incoming;
        answer.courseId = courseId;
        answer.updated = incoming.updated.toUTC();
        QString error;
        const std::optional<Answer> current = currentVersion(db, courseId, answer.activityId, &error);
        if (!error.isEmpty())
            return failed(describe(what, error));
        if (current && (sameContent(*current, answer) || answer.updated <= current->updated)) {
            ++report.unchanged;
            continue;
        }
        if (!insertVersion(db, answer, &error))
            return failed(describe(what, error));
        ++(current ? report.updated : report.added);
        report.changedActivities << answer.activityId;
        appended << answer;
    }
    if (!transaction.commit())
        return failed(describe(what, transaction.error()));
    for (const Answer &answer : std::as_const(appended))
        emit answerSaved(answer);
    return report;
}

QVector<Answer> AnswerStore::orphans(const QVector<Answer> &all, const QSet<QString> &activityIds)
{
    QVector<Answer> result;
    std::copy_if(all.begin(), all.end(), std::back_inserter(result),
                 [&](const Answer &a) { return !activityIds.contains(a.activityId); });
    return result;
}
