#pragma once

#include <QByteArray>
#include <QString>

// Turns a file's bytes into text the way docs/course-format.md section 2 asks: UTF-8 when
// valid, else Windows-1252 (what old word processors wrote), and binary data refused.
class TextDecoder
{
public:
    enum class Outcome { Utf8, Windows1252, Binary };

    struct Result {
        QString text;
        Outcome outcome = Outcome::Utf8;
    };

    static Result decode(const QByteArray &bytes);
    static QString fromWindows1252(const QByteArray &bytes);
};
