#pragma once

#include "AnswerStore.h"

#include <QString>

class QSqlDatabase;

// AnswerStore's connection to <data dir>/answers.sqlite. Opens it for writing (migrated to
// the current schema) after moving a damaged or newer file aside (AnswerFileRecovery), or
// only for reading when the file or its folder is read-only.
class AnswerConnection
{
public:
    AnswerConnection();  // a connection of its own, so that several stores can share a file
    ~AnswerConnection();
    AnswerConnection(const AnswerConnection &) = delete;
    AnswerConnection &operator=(const AnswerConnection &) = delete;

    AnswerStore::OpenReport open(const QString &dataDir);
    void close();
    bool isOpen() const { return m_open; }
    bool isWritable() const { return m_writable; }
    QString dataDir() const { return m_dataDir; }
    QString path() const { return m_path; }
    QSqlDatabase database() const;
    // "<what>: <sqlError> (in <path>)", for the learner.
    QString describe(const QString &what, const QString &sqlError) const;

private:
    AnswerStore::OpenReport openDatabase(bool readOnly);

    const QString m_name;
    QString m_dataDir;
    QString m_path;
    bool m_open = false;
    bool m_writable = false;
};
