#include "AnswerText.h"

#include "KwlLabels.h"

#include <QJsonArray>

QString AnswerText::plain(const QString &kind, const QJsonObject &value)
{
    QStringList lines;
    if (kind == QLatin1String("kwl")) {
        const QString experience = value.value(QStringLiteral("experience")).toString().trimmed();
        if (!experience.isEmpty())
            lines << KwlLabels::experience() + QStringLiteral(": ") + experience;
        for (const QJsonValue &row : value.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject r = row.toObject();
            QStringList parts;
            for (const auto &[key, label] : {std::pair{"know", "Know"}, std::pair{"want", "Want to learn"}, std::pair{"learned", "Learned"}}) {
                const QString text = r.value(QLatin1String(key)).toString().trimmed();
                if (!text.isEmpty())
                    parts << QStringLiteral("%1: %2").arg(QLatin1String(label), text);
            }
            if (!parts.isEmpty())
                lines << parts.join(QStringLiteral(" · "));
        }
    } else if (kind == QLatin1String("worksheet")) {
        for (const QJsonValue &row : value.value(QStringLiteral("cells")).toArray()) {
            QStringList cells;
            for (const QJsonValue &cell : row.toArray()) {
                if (cell.isString() && !cell.toString().trimmed().isEmpty())
                    cells << cell.toString().trimmed();
            }
            if (!cells.isEmpty())
                lines << cells.join(QStringLiteral(" | "));
        }
    } else {
        lines << value.value(QStringLiteral("text")).toString().trimmed();
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}
