#pragma once

#include <QString>
#include <QStringList>

// What the learner typed, turned into words and into an FTS5 query that holds nothing but
// those words: quotes, operators (AND, NEAR, *, ^, parentheses, column filters) are never
// passed through, so no input is an FTS5 syntax error.
namespace SearchQuery {

// Only this much of what was typed is read: no one types more into a search field, and a
// pasted book must not cost more than a sentence.
constexpr int kMaxInput = 1000;
constexpr int kMaxTerms = 16;

// The words (runs of letters, digits and their accents), as typed, in order.
QStringList terms(const QString &userText);
// Each word quoted, all of them required, the last one also matching as a prefix (what the
// learner is still typing); empty when there is no word.
QString matchExpression(const QString &userText);

}  // namespace SearchQuery
