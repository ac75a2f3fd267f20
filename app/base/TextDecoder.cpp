#include "TextDecoder.h"

#include <QStringDecoder>

namespace {
// Windows-1252 differs from Latin-1 only in 0x80-0x9F; 0 marks the five unassigned bytes,
// which are kept as their C1 code points like browsers do.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
}  // namespace

QString TextDecoder::fromWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        char16_t unit = byte;
        if (byte >= 0x80 && byte < 0xA0 && kCp1252High[byte - 0x80] != 0)
            unit = kCp1252High[byte - 0x80];
        *out++ = QChar(unit);
    }
    return text;
}

TextDecoder::Result TextDecoder::decode(const QByteArray &bytes)
{
    // A NUL byte never appears in a text page, but always in images, archives and office files.
    if (bytes.contains('\0'))
        return {QString(), Outcome::Binary};
    QByteArray body = bytes;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError())
        return {text, Outcome::Utf8};
    return {fromWindows1252(body), Outcome::Windows1252};
}
