#pragma once

#include "Answer.h"

#include <QString>

// Where a learner stands with an activity, as its card and the workbook pane show it.
class AnswerProgress
{
public:
    enum class Stage { NotStarted, InProgress, Done };

    static Stage of(const Answer *answer);  // nullptr: never answered
    static bool hasContent(const QJsonValue &value);  // any non-blank text anywhere in it
    static QString label(Stage stage);       // "Not started", "In progress", "Done"
    static QString cssName(Stage stage);     // "not-started", "in-progress", "done"
};
