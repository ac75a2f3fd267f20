#pragma once

#include "AnswerStore.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

// What the AnswerStore suites share: answers to save, and the SQLite file looked at as
// another program would.
namespace AnswerFixture {

inline const QString kCourse = QStringLiteral("connected-learning");
inline const QDateTime kBase = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);

// A reflection answer saved `atMs` after kBase.
Answer textAnswer(const QString &activityId, const QString &text, qint64 atMs, const QString &courseId = kCourse);

// Runs statements on the file through a connection of its own, as another program would.
QVariant sqlite(const QString &path, const QStringList &statements);

// The bytes of the store in dataDir as a digest: answers.sqlite with its -wal and -shm
// files (or their absence). Equal before and after: nothing at all was written.
QByteArray storeDigest(const QString &dataDir);

// The "text" of each answer.
QStringList texts(const QVector<Answer> &answers);

}  // namespace AnswerFixture
