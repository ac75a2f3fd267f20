#pragma once

#include <QString>

// What the parts of a KWL chart are called wherever the learner meets it, in the workbook
// and in every export, so that an exported chart reads as the one they filled in.
namespace KwlLabels {
inline QString experience() { return QStringLiteral("Your experience with this topic"); }
}  // namespace KwlLabels
