#include "MediaFormat.h"

#include <QMimeDatabase>
#include <QStringList>

namespace {
// The web's names for what the engine plays; a subtype (Vorbis in Ogg is a kind of Ogg)
// counts as its parent. In the order checked: the first name a type is or inherits wins.
const QStringList kPlayedTypes = {
    QStringLiteral("video/webm"), QStringLiteral("audio/webm"), QStringLiteral("video/ogg"), QStringLiteral("audio/ogg"),
    QStringLiteral("application/ogg"), QStringLiteral("audio/wav"), QStringLiteral("audio/flac"), QStringLiteral("audio/mpeg"),
    QStringLiteral("video/mp4"), QStringLiteral("audio/mp4"), QStringLiteral("audio/aac"), QStringLiteral("video/3gpp")};

QString playedName(const QMimeType &type)
{
    for (const QString &name : kPlayedTypes) {
        if (type.inherits(name))
            return name;
    }
    return QString();
}
}  // namespace

QMimeType MediaFormat::of(const QString &path)
{
    return QMimeDatabase().mimeTypeForFile(path);
}

bool MediaFormat::playsInPage(const QMimeType &type)
{
    return !playedName(type).isEmpty();
}

QByteArray MediaFormat::servedType(const QMimeType &type)
{
    const QString played = playedName(type);
    return (played.isEmpty() ? type.name() : played).toUtf8();
}
