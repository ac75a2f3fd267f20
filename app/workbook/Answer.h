#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A learner's answer to one activity. `value` has the shape of the portable answers
// format (issue 3): {"text": ...} for reflection/response,
// {"experience": ..., "rows": [{"know", "want", "learned"}]} for KWL,
// {"cells": [[...], ...]} (null for fixed cells) for a worksheet.
struct Answer {
    QString courseId;
    QString activityId;
    QString kind;          // ActivitySpec::kindName
    QJsonObject value;
    bool done = false;
    QDateTime updated;     // UTC

    bool operator==(const Answer &) const = default;
};
