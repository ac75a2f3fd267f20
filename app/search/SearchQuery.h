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
// Each word quoted, the last one also matching as a prefix (what the learner is still typing).
// An FTS5 string holds no syntax, and a word has no quote to escape.
QStringList quotedTerms(const QString &userText);
// All of the quoted words required; empty when there is no word.
QString matchExpression(const QString &userText);
// Any one of them (to find the part of a page nearest the match); empty when there is no word.
QString anyTermExpression(const QString &userText);

}  // namespace SearchQuery
