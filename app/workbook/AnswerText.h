#pragma once

#include <QJsonObject>
#include <QString>

// An answer's value as readable plain text: for history previews, the list of answers
// without an activity, and anywhere a learner reads an answer outside its editor.
namespace AnswerText {
QString plain(const QString &kind, const QJsonObject &value);
}  // namespace AnswerText
