#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QVector>

#include <atomic>
#include <utility>

struct sqlite3;

// The rendered pages kept on disk: one SQLite file in the cache folder, an entry per page
// under a key. One file, not a file per page: making a file costs the disk more than
// rendering the page did, and a course of 10,000 pages made 10,000 of them.
//
// SQLite's own library, not Qt Sql: the cache is read from every rendering thread, and a Qt
// Sql connection belongs to the thread that opened it. Two connections, one to read (any
// thread, one at a time) and one to write (the cache's writer thread), so reads go on while
// a batch is written (WAL). It is a cache: nothing is synced, and a file that cannot be read
// (corrupt, another program's, cut short) is deleted and made again.
class RenderedPageDatabase
{
public:
    explicit RenderedPageDatabase(const QString &path);
    ~RenderedPageDatabase();
    RenderedPageDatabase(const RenderedPageDatabase &) = delete;
    RenderedPageDatabase &operator=(const RenderedPageDatabase &) = delete;

    QByteArray read(const QByteArray &key);  // empty when there is no entry, or no database
    void write(const QVector<std::pair<QByteArray, QByteArray>> &entries);  // key, entry: in one transaction

private:
    sqlite3 *open();
    bool usable(int result);  // false, and the file made again, when it is not a database
    void remake();
    void closeConnections();

    QString m_path;
    QMutex m_readLock;
    QMutex m_writeLock;
    sqlite3 *m_reader = nullptr;
    sqlite3 *m_writer = nullptr;
    struct sqlite3_stmt *m_select = nullptr;  // the reader's, prepared once
    std::atomic<bool> m_broken = false;    // found not to be a database: made again before the next write
    std::atomic<bool> m_disabled = false;  // no cache for this run: it cannot be opened, or broke twice
    bool m_remade = false;
};
