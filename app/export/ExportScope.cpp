#include "ExportScope.h"

#include "Slug.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>

bool ExportScope::parse(const QString &text, ExportScope *scope, QString *error)
{
    const QString kind = text.section(QLatin1Char(':'), 0, 0).trimmed().toLower();
    const QString id = text.section(QLatin1Char(':'), 1).trimmed();
    static const QList<QPair<QString, Kind>> withId = {{QStringLiteral("module"), Kind::Module},
                                                       {QStringLiteral("page"), Kind::Page},
                                                       {QStringLiteral("activity"), Kind::Activity}};
    if (kind == QLatin1String("course") || kind == QLatin1String("orphans")) {
        *scope = {kind == QLatin1String("course") ? Kind::Course : Kind::Orphans, QString()};
        return true;
    }
    for (const auto &[name, k] : withId) {
        if (kind != name)
            continue;
        if (id.isEmpty()) {
            *error = QCoreApplication::translate("ExportScope", "scope \"%1\" needs an id: %1:ID").arg(name);
            return false;
        }
        *scope = {k, id};
        return true;
    }
    *error = QCoreApplication::translate("ExportScope", "unknown scope \"%1\" (use course, module:ID, page:ID, activity:ID or orphans)")
                 .arg(text);
    return false;
}

QString ExportScope::toString() const
{
    switch (kind) {
    case Kind::Course:
        return QStringLiteral("course");
    case Kind::Module:
        return QStringLiteral("module:") + id;
    case Kind::Page:
        return QStringLiteral("page:") + id;
    case Kind::Activity:
        return QStringLiteral("activity:") + id;
    case Kind::Orphans:
        break;
    }
    return QStringLiteral("orphans");
}

QString ExportScope::fileNameStem() const
{
    const QString slug = Slug::fromText(id);
    switch (kind) {
    case Kind::Course:
        return QStringLiteral("workbook");
    case Kind::Orphans:
        return QStringLiteral("answers-without-an-activity");
    case Kind::Module:
    case Kind::Page:
    case Kind::Activity:
        break;
    }
    return QStringLiteral("worksheet-") + slug;
}
