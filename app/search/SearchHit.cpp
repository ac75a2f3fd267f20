#include "SearchHit.h"

QString SearchHit::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Page:
        return QStringLiteral("page");
    case Kind::Answer:
        return QStringLiteral("answer");
    case Kind::Note:
        return QStringLiteral("note");
    }
    return QString();
}
