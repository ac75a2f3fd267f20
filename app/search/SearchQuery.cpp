#include "SearchQuery.h"

namespace {

// The characters unicode61 keeps in a token: letters, digits and the marks that accent them.
bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

}  // namespace

namespace SearchQuery {

QStringList terms(const QString &userText)
{
    const QString text = userText.left(kMaxInput);
    QStringList words;
    QString word;
    for (const QChar c : text) {
        if (isWordCharacter(c)) {
            word += c;
            continue;
        }
        if (!word.isEmpty())
            words << word;
        word.clear();
        if (words.size() == kMaxTerms)
            return words;
    }
    if (!word.isEmpty() && words.size() < kMaxTerms)
        words << word;
    return words;
}

QStringList quotedTerms(const QString &userText)
{
    QStringList quoted;
    for (const QString &term : terms(userText))
        quoted << QLatin1Char('"') + term + QLatin1Char('"');  // a term has no quote to escape
    // The word being typed matches as a prefix; as the whole word too, so that bm25 ranks
    // "3" above "30" once "3" is all there is.
    if (!quoted.isEmpty())
        quoted.last() = QStringLiteral("(%1 OR %1*)").arg(quoted.last());
    return quoted;
}

QString matchExpression(const QString &userText)
{
    return quotedTerms(userText).join(QLatin1String(" AND "));
}

QString anyTermExpression(const QString &userText)
{
    return quotedTerms(userText).join(QLatin1String(" OR "));
}

}  // namespace SearchQuery
