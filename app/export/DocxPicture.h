#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

// A picture of a prompt, ready for the package: PNG, JPEG or GIF bytes and its size.
struct DocxPicture {
    QByteArray bytes;
    QString extension;  // "png", "jpeg", "gif"
    QSize pixels;       // at 96 dpi
    QString alt;
};
