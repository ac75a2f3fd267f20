#pragma once

#include "Answer.h"
#include "Bookmark.h"
#include "Note.h"
#include "PageProgress.h"

#include <QByteArray>
#include <QString>
#include <QVector>

// The portable answers file (issue 3), what --export-answers writes and --import-answers reads:
// {"format": "coursebook-answers", "version": 3, "course": COURSE_ID,
//  "answers": [{"activity": ID, "kind": KIND, "updated": ISO-8601, "done": bool, "value": VALUE}],
//  "progress": [...], "notes": [...], "bookmarks": [...]}
// with VALUE shaped as Answer.h describes, "progress" as ProgressJson describes and "notes" and
// "bookmarks" as NoteJson does. Version 1 (no "progress") and 2 (no notes or bookmarks) files
// are still read.
namespace AnswerJson {
inline constexpr int kVersion = 3;
// An answers file is text a person wrote answers into: 64 MB is far beyond any, and a
// bound keeps a device or an endless pipe from filling memory.
inline constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Indented, answers sorted by activity id, `updated` in UTC with milliseconds.
QByteArray write(const QString &courseId, const QVector<Answer> &answers, const QVector<PageProgress> &progress = {},
                 const QVector<Note> &notes = {}, const QVector<Bookmark> &bookmarks = {});

// Validates the whole file; on any problem returns false, sets *error to where and what
// ("answers[3].updated is not an ISO-8601 date") and leaves the outputs alone. What an older
// version lacks (progress before 2, notes and bookmarks before 3) comes out empty.
bool read(const QByteArray &json, QString *courseId, QVector<Answer> *answers, QString *error,
          QVector<PageProgress> *progress = nullptr, QVector<Note> *notes = nullptr, QVector<Bookmark> *bookmarks = nullptr);

// Why value is not the shape of its kind, with `path` (e.g. "answers[3].value") as the
// subject; empty when it fits. Unknown kinds are reported too.
QString valueProblem(const QString &kind, const QJsonObject &value, const QString &path);

// For the parts of the file read elsewhere (ProgressJson): why `text` at `path` cannot be an
// id (it holds a control or bidi character that could forge a message), or empty; and
// "PATH is missing" or "PATH is not EXPECTED".
QString idProblem(const QString &text, const QString &path);
QString typeProblem(const QJsonValue &value, const QString &path, const QString &expected);
}  // namespace AnswerJson
