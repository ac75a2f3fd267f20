#pragma once

#include "AnswerStore.h"

#include <QString>
#include <QVector>

class AnswerConnection;

// AnswerStore::importAnswers without the store's state: the merge itself.
namespace AnswerImport {

// Merges `answers` and `progress` into courseId in one transaction on the writable `connection` (see
// AnswerStore::importAnswers) and appends to *appended the versions it added; on any error
// the report holds only the error and the transaction is rolled back.
AnswerStore::ImportReport merge(const AnswerConnection &connection, const QString &courseId, const QVector<Answer> &answers,
                                const QVector<PageProgress> &progress, QVector<Answer> *appended);

}  // namespace AnswerImport
