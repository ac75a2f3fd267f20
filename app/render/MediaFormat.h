#pragma once

#include <QByteArray>
#include <QMimeType>
#include <QString>

// Which of a course's sound and video files the page plays itself (docs/course-format.md
// section 3), and the type the course: scheme serves them as. Qt WebEngine 6.4 as Debian 12
// builds it plays WebM, Ogg, WAV, FLAC, MP3, MP4 (H.264), M4A and AAC; not QuickTime, Matroska,
// AVI, WMV, MPEG-1/2, FLV or AIFF, which open in the desktop's player instead.
// tst_gui_course_media asks the engine (canPlayType) about each of these types.
namespace MediaFormat {
QMimeType of(const QString &path);  // by content, refined by name
bool playsInPage(const QMimeType &type);
// The web's name for a type the page plays ("audio/ogg" for Vorbis in Ogg), else its own name.
QByteArray servedType(const QMimeType &type);
}  // namespace MediaFormat
