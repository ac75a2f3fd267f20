#include "EmbedCard.h"

#include "CourseUrl.h"

#include <QRegularExpression>
#include <QUrlQuery>

EmbedCard EmbedCard::fromSource(const QUrl &source)
{
    EmbedCard card;
    card.host = source.host().toLower();
    if (card.host.startsWith(QLatin1String("www.")))
        card.host.remove(0, 4);
    card.openUrl = source;
    if (card.openUrl.scheme().isEmpty())
        card.openUrl.setScheme(QStringLiteral("https"));
    const QString path = source.path();

    static const QRegularExpression youtube(QStringLiteral("^/embed/([\\w-]+)"));
    static const QRegularExpression vimeo(QStringLiteral("^/video/(\\d+)"));
    if (card.host.endsWith(QLatin1String("youtube.com")) || card.host.endsWith(QLatin1String("youtube-nocookie.com"))
        || card.host == QLatin1String("youtu.be")) {
        card.kind = Kind::Video;
        card.host = QStringLiteral("youtube.com");
        if (const auto m = youtube.match(path); m.hasMatch()) {
            // An embedded playlist ("/embed/videoseries?list=...") has no single video to watch.
            const QString list = QUrlQuery(source).queryItemValue(QStringLiteral("list"));
            card.openUrl = m.captured(1) == QLatin1String("videoseries") && !list.isEmpty()
                ? QUrl(QStringLiteral("https://www.youtube.com/playlist?list=") + list)
                : QUrl(QStringLiteral("https://www.youtube.com/watch?v=") + m.captured(1));
        }
    } else if (card.host.endsWith(QLatin1String("vimeo.com"))) {
        card.kind = Kind::Video;
        card.host = QStringLiteral("vimeo.com");
        if (const auto m = vimeo.match(path); m.hasMatch())
            card.openUrl = QUrl(QStringLiteral("https://vimeo.com/") + m.captured(1));
    } else if (card.host.endsWith(QLatin1String("ted.com"))) {
        card.kind = Kind::Video;
        card.host = QStringLiteral("ted.com");
        card.openUrl = QUrl(QStringLiteral("https://www.ted.com") + path);
    } else if (source.toString().contains(QLatin1String("h5p_embed"))) {
        card.kind = Kind::Interactive;
    }
    card.title = card.host;  // until the page gives it a better one (EmbedCardElement)
    return card;
}

EmbedCard EmbedCard::forCourseFile(Kind kind, const QString &fileName, const QUrl &fileUrl, const QString &note)
{
    EmbedCard card;
    card.kind = kind;
    card.title = fileName;
    card.openUrl = fileUrl;
    card.note = note;
    return card;
}

bool EmbedCard::isCourseFile() const
{
    return openUrl.scheme() == QLatin1String(CourseUrl::scheme);
}

QString EmbedCard::kindLabel() const
{
    switch (kind) {
    case Kind::Video:
        return QStringLiteral("Video");
    case Kind::Audio:
        return QStringLiteral("Audio");
    case Kind::Interactive:
        return QStringLiteral("Interactive activity (online only)");
    case Kind::Link:
        break;
    }
    return QStringLiteral("Online content");
}

QString EmbedCard::linkLabel() const
{
    switch (kind) {
    case Kind::Video:
        return isCourseFile() ? QStringLiteral("Open in your video player") : QStringLiteral("Watch online");
    case Kind::Audio:
        return isCourseFile() ? QStringLiteral("Open in your audio player") : QStringLiteral("Listen online");
    case Kind::Interactive:
        return QStringLiteral("Open online");
    case Kind::Link:
        break;
    }
    return QStringLiteral("Open ") + host;
}

QString EmbedCard::cssClass() const
{
    switch (kind) {
    case Kind::Video:
        return QStringLiteral("video-card");
    case Kind::Audio:
        return QStringLiteral("audio-card");
    case Kind::Interactive:
        return QStringLiteral("interactive-card");
    case Kind::Link:
        break;
    }
    return QStringLiteral("link-card");
}

QString EmbedCard::icon() const
{
    switch (kind) {
    case Kind::Video:
        return QStringLiteral("▶");
    case Kind::Audio:
        return QStringLiteral("♪");
    case Kind::Interactive:
        return QStringLiteral("✎");
    case Kind::Link:
        break;
    }
    return QStringLiteral("🔗");
}
