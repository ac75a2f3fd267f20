#include "Slug.h"

#include <QRegularExpression>

QString Slug::fromText(const QString &text)
{
    QString slug;
    bool pendingDash = false;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber()) {
            if (pendingDash && !slug.isEmpty())
                slug += QLatin1Char('-');
            slug += c.toLower();
            pendingDash = false;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            pendingDash = true;
        }
    }
    return slug;
}

QString Slug::humanize(const QString &name)
{
    static const QRegularExpression leadingNumber(QStringLiteral("^\\d+[-_. ]+(?=\\D)"));
    QString words = name;
    words.remove(leadingNumber);
    words.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    QStringList parts = words.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &part : parts)
        part[0] = part[0].toUpper();
    return parts.join(QLatin1Char(' '));
}

bool Slug::naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype iEnd = i, jEnd = j;
            while (iEnd < a.size() && a[iEnd].isDigit())
                ++iEnd;
            while (jEnd < b.size() && b[jEnd].isDigit())
                ++jEnd;
            const QString na = a.mid(i, iEnd - i), nb = b.mid(j, jEnd - j);
            const qulonglong va = na.toULongLong(), vb = nb.toULongLong();
            if (va != vb)
                return va < vb;
            i = iEnd;
            j = jEnd;
            continue;
        }
        const QChar ca = a[i].toLower(), cb = b[j].toLower();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return (a.size() - i) < (b.size() - j);
    return a < b;
}
