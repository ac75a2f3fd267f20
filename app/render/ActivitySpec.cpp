#include "ActivitySpec.h"

QString ActivitySpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Kwl:
        return QStringLiteral("kwl");
    case Kind::Reflection:
        return QStringLiteral("reflection");
    case Kind::Worksheet:
        return QStringLiteral("worksheet");
    case Kind::Response:
        return QStringLiteral("response");
    }
    return QStringLiteral("response");
}

bool ActivitySpec::kindFromName(const QString &name, Kind *kind)
{
    for (Kind k : {Kind::Kwl, Kind::Reflection, Kind::Worksheet, Kind::Response}) {
        if (kindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}
