#include "ImmediateTransaction.h"

#include "SqlStatement.h"

ImmediateTransaction::ImmediateTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    m_begun = SqlStatement::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), &m_error);
}

ImmediateTransaction::~ImmediateTransaction()
{
    if (m_begun && !m_committed) {
        QString ignored;  // nothing more can be done; the connection's next BEGIN reports it
        SqlStatement::exec(m_db, QStringLiteral("ROLLBACK"), &ignored);
    }
}

bool ImmediateTransaction::commit()
{
    m_committed = SqlStatement::exec(m_db, QStringLiteral("COMMIT"), &m_error);
    return m_committed;
}
