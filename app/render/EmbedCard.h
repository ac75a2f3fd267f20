#pragma once

#include <QString>
#include <QUrl>

// What an <iframe> becomes offline (docs/course-format.md section 3): a card that names the
// embedded thing and opens it in the system browser, so nothing is fetched.
class EmbedCard
{
public:
    enum class Kind { Video, Interactive, Link };

    Kind kind = Kind::Link;
    QString title;      // the video's title, or the host name
    QString duration;   // "2:20", from a following <span class="videotime">
    QString host;       // "youtube.com"
    QUrl openUrl;       // the page to open online (a YouTube embed becomes its watch page)

    static EmbedCard fromSource(const QUrl &source);
    QString kindLabel() const;   // "Video", "Interactive activity (online only)", "Online content"
    QString linkLabel() const;   // "Watch online", "Open online", "Open padlet.com"
    QString cssClass() const;    // "video-card", "interactive-card", "link-card"
    QString icon() const;
};
