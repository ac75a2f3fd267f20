#pragma once

#include "PageProgress.h"

#include <QJsonArray>
#include <QString>
#include <QVector>

// The "progress" list of a version 2 answers file (AnswerJson):
// [{"page": ID, "visited": bool, "mark": "" | "done" | "not-done", "marked": ISO-8601 | null,
//   "anchor": HEADING-ID, "offset": 0..1, "read": ISO-8601 | null}]
namespace ProgressJson {

QJsonArray write(const QVector<PageProgress> &progress);  // sorted by page id
// False + *error naming where and what ("progress[2].mark ..."); *progress untouched then.
bool read(const QJsonValue &list, QVector<PageProgress> *progress, QString *error);

}  // namespace ProgressJson
