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

QString matchExpression(const QString &userText)
{
    QStringList quoted;
    for (const QString &term : terms(userText))
        quoted << QLatin1Char('"') + term + QLatin1Char('"');  // a term has no quote to escape
    if (quoted.isEmpty())
        return QString();
    quoted.last() += QLatin1Char('*');
    return quoted.join(QLatin1Char(' '));
}

}  // namespace SearchQuery
