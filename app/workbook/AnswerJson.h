#pragma once

#include "Answer.h"
#include "PageProgress.h"

#include <QByteArray>
#include <QString>
#include <QVector>

// The portable answers file (issue 3), what --export-answers writes and --import-answers reads:
// {"format": "coursebook-answers", "version": 2, "course": COURSE_ID,
//  "answers": [{"activity": ID, "kind": KIND, "updated": ISO-8601, "done": bool, "value": VALUE}],
//  "progress": [...]}
// with VALUE shaped as Answer.h describes and "progress" as ProgressJson describes. Version 1
// files (no "progress") are still read.
namespace AnswerJson {
inline constexpr int kVersion = 2;
// An answers file is text a person wrote answers into: 64 MB is far beyond any, and a
// bound keeps a device or an endless pipe from filling memory.
inline constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Indented, answers sorted by activity id, `updated` in UTC with milliseconds.
QByteArray write(const QString &courseId, const QVector<Answer> &answers, const QVector<PageProgress> &progress = {});

// Validates the whole file; on any problem returns false, sets *error to where and what
// ("answers[3].updated is not an ISO-8601 date") and leaves the outputs alone. A version 1
// file has no progress: *progress (when asked for) becomes empty.
bool read(const QByteArray &json, QString *courseId, QVector<Answer> *answers, QString *error,
          QVector<PageProgress> *progress = nullptr);

// Why value is not the shape of its kind, with `path` (e.g. "answers[3].value") as the
// subject; empty when it fits. Unknown kinds are reported too.
QString valueProblem(const QString &kind, const QJsonObject &value, const QString &path);

// For the parts of the file read elsewhere (ProgressJson): why `text` at `path` cannot be an
// id (it holds a control or bidi character that could forge a message), or empty; and
// "PATH is missing" or "PATH is not EXPECTED".
QString idProblem(const QString &text, const QString &path);
QString typeProblem(const QJsonValue &value, const QString &path, const QString &expected);
}  // namespace AnswerJson
