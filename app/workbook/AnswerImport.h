#pragma once

#include "AnswerStore.h"

#include <QString>
#include <QVector>

class AnswerConnection;

// AnswerStore::importAnswers without the store's state: the merge itself.
namespace AnswerImport {

// What an answers file carries.
struct Contents {
    QVector<Answer> answers;
    QVector<PageProgress> progress;
    QVector<Note> notes;
    QVector<Bookmark> bookmarks;
};

// Merges `contents` into courseId in one transaction on the writable `connection` (see
// AnswerStore::importAnswers) and appends to *appended and *notesAppended the versions it
// added; on any error the report holds only the error and the transaction is rolled back.
AnswerStore::ImportReport merge(const AnswerConnection &connection, const QString &courseId, const Contents &contents,
                                QVector<Answer> *appended, QVector<Note> *notesAppended);

}  // namespace AnswerImport
