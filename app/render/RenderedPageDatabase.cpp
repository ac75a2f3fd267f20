#include "RenderedPageDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace {
const char kSetUp[] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                      "CREATE TABLE IF NOT EXISTS pages(key BLOB PRIMARY KEY, entry BLOB NOT NULL)";

void close(sqlite3 *&db)
{
    sqlite3_close_v2(db);
    db = nullptr;
}

// A statement, finalized however its use ends.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) { m_result = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr); }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    int result() const { return m_result; }
    void bind(int index, const QByteArray &bytes)
    {
        if (m_result == SQLITE_OK)
            m_result = sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
    }
    int step()
    {
        if (m_result == SQLITE_OK || m_result == SQLITE_DONE || m_result == SQLITE_ROW)
            m_result = sqlite3_step(m_statement);
        return m_result;
    }
    void reset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        m_result = SQLITE_OK;
    }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_ERROR;
};
}  // namespace

RenderedPageDatabase::RenderedPageDatabase(const QString &path)
    : m_path(path)
{
}

RenderedPageDatabase::~RenderedPageDatabase()
{
    closeConnections();
}

void RenderedPageDatabase::closeConnections()
{
    sqlite3_finalize(m_select);
    m_select = nullptr;
    close(m_reader);
    close(m_writer);
}

sqlite3 *RenderedPageDatabase::open()
{
    if (m_disabled)
        return nullptr;
    sqlite3 *db = nullptr;
    // Each connection is used behind its own lock: SQLite need not lock again.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int result = QDir().mkpath(QFileInfo(m_path).path()) ? sqlite3_open_v2(QFile::encodeName(m_path).constData(), &db, flags, nullptr)
                                                          : SQLITE_CANTOPEN;
    if (result == SQLITE_OK) {
        sqlite3_busy_timeout(db, 2000);  // another run of the app writing its pages
        result = sqlite3_exec(db, kSetUp, nullptr, nullptr, nullptr);
    }
    if (result == SQLITE_OK)
        return db;
    sqlite3_close_v2(db);
    // Not a database (or a damaged one): made again before the next write. Anything else
    // (an unwritable cache folder, a full disk) leaves the cache off for this run.
    if (!usable(result))
        return nullptr;
    m_disabled = true;
    return nullptr;
}

bool RenderedPageDatabase::usable(int result)
{
    const int primary = result & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        m_broken = true;
        return false;
    }
    return true;
}

void RenderedPageDatabase::remake()
{
    // The read lock first, as nowhere else takes both.
    const QMutexLocker reading(&m_readLock);
    const QMutexLocker writing(&m_writeLock);
    if (!m_broken)
        return;
    closeConnections();
    m_broken = false;
    if (m_remade) {
        m_disabled = true;
        return;
    }
    m_remade = true;
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(m_path + QLatin1String(suffix));
}

QByteArray RenderedPageDatabase::read(const QByteArray &key)
{
    const QMutexLocker lock(&m_readLock);
    if (m_broken || m_disabled)
        return QByteArray();
    // Prepared once: a run asks for every page it shows or lists.
    if (!m_reader && (m_reader = open()))
        sqlite3_prepare_v2(m_reader, "SELECT entry FROM pages WHERE key = ?1", -1, &m_select, nullptr);
    if (!m_select)
        return QByteArray();
    sqlite3_bind_blob(m_select, 1, key.constData(), int(key.size()), SQLITE_STATIC);
    const int result = sqlite3_step(m_select);
    QByteArray entry;
    if (result == SQLITE_ROW)
        entry = QByteArray(static_cast<const char *>(sqlite3_column_blob(m_select, 0)), sqlite3_column_bytes(m_select, 0));
    sqlite3_reset(m_select);
    usable(result);
    return entry;
}

void RenderedPageDatabase::write(const QVector<std::pair<QByteArray, QByteArray>> &entries)
{
    if (m_broken)
        remake();
    const QMutexLocker lock(&m_writeLock);
    if (!m_writer && !m_disabled) {
        // Earlier versions kept a file per page beside it: gone on the writer's thread, never
        // in the way of a page being shown (10,000 files take a while to delete).
        QDir(QFileInfo(m_path).path() + QStringLiteral("/rendered-pages")).removeRecursively();
        m_writer = open();
    }
    if (m_disabled || !m_writer)
        return;
    if (!usable(sqlite3_exec(m_writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr)))
        return;
    Statement insert(m_writer, "INSERT OR REPLACE INTO pages(key, entry) VALUES (?1, ?2)");
    bool written = usable(insert.result()) && insert.result() == SQLITE_OK;
    for (qsizetype i = 0; written && i < entries.size(); ++i) {
        insert.bind(1, entries.at(i).first);
        insert.bind(2, entries.at(i).second);
        const int stepped = insert.step();
        written = stepped == SQLITE_DONE;
        usable(stepped);
        insert.reset();
    }
    const int result = sqlite3_exec(m_writer, written ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    usable(result);
}
