#pragma once

#include <QSqlDatabase>
#include <QString>

// BEGIN IMMEDIATE takes the write lock up front, waiting (busy_timeout) for other
// writers, so a read-then-write never fails half way with SQLITE_BUSY. Rolls back
// unless committed.
class ImmediateTransaction
{
public:
    explicit ImmediateTransaction(const QSqlDatabase &db);
    ~ImmediateTransaction();
    ImmediateTransaction(const ImmediateTransaction &) = delete;
    ImmediateTransaction &operator=(const ImmediateTransaction &) = delete;

    bool begun() const { return m_begun; }
    QString error() const { return m_error; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_begun = false;
    bool m_committed = false;
    QString m_error;
};
