#pragma once

#include <QString>
#include <QTextStream>

#include <functional>

class AnswerStore;

// --export-answers and --import-answers: the portable answers file (AnswerJson) out of and
// into the store, each printing what it did.
namespace AnswersCommands {
// Writes the course's answers, progress, notes and bookmarks to `target` (- for standard output).
int exportAnswers(const QString &courseId, const AnswerStore &store, const QString &target, QTextStream &out, QTextStream &err);
// Reads `source` (- for standard input), checks it is the course's at `coursePath`, and only
// then opens the store (`openStore` says why it cannot) and merges it in.
int importAnswers(const QString &source, const QString &coursePath, const std::function<bool(AnswerStore &)> &openStore,
                  QTextStream &summary, QTextStream &err);
}  // namespace AnswersCommands
