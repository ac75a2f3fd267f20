#pragma once

#include <QString>
#include <QUrl>

// What an <iframe>, or a <video> or <audio> the page cannot play, becomes offline
// (docs/course-format.md section 3): a card that names the embedded thing and opens it in the
// system browser, or a course's own media file in the desktop's player, so nothing is fetched.
// EmbedCardElement puts it in the page.
class EmbedCard
{
public:
    enum class Kind { Video, Audio, Interactive, Link };

    Kind kind = Kind::Link;
    QString title;      // the video's title, or the host name
    QString duration;   // "2:20", from a following <span class="videotime">
    QString host;       // "youtube.com"
    QUrl openUrl;       // the page to open online (a YouTube embed becomes its watch page), or a course file
    QString note;       // why a course's own media is a card ("This format does not play in the page")

    static EmbedCard fromSource(const QUrl &source);
    // A course's media file, titled by its name; `fileUrl` is a course:/file/ address, or empty
    // when the file is missing (nothing to open).
    static EmbedCard forCourseFile(Kind kind, const QString &fileName, const QUrl &fileUrl, const QString &note);
    bool isCourseFile() const;
    QString kindLabel() const;   // "Video", "Audio", "Interactive activity (online only)", "Online content"
    QString linkLabel() const;   // "Watch online", "Open online", "Open padlet.com", "Open in your video player"
    QString cssClass() const;    // "video-card", "interactive-card", "link-card"
    QString icon() const;
};
