#pragma once

#include "Answer.h"

#include <QString>

// Where a learner stands with an activity, as its card and the workbook pane show it.
namespace AnswerProgress {
enum class Stage { NotStarted, InProgress, Done };

Stage of(const Answer *answer);  // nullptr: never answered
bool hasContent(const QJsonValue &value);  // any non-blank text anywhere in it
QString label(Stage stage);       // "Not started", "In progress", "Done"
QString cssName(Stage stage);     // "not-started", "in-progress", "done"
}  // namespace AnswerProgress
