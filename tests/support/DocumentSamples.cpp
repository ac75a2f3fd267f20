#include "DocumentSamples.h"

#include <QtEndian>

#include <array>

namespace {

quint32 crc32(const QByteArray &bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLittle16(QByteArray &out, quint16 value)
{
    const quint16 little = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&little), 2);
}

void appendLittle32(QByteArray &out, quint32 value)
{
    const quint32 little = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&little), 4);
}

void appendBig32(QByteArray &out, quint32 value)
{
    const quint32 big = qToBigEndian(value);
    out.append(reinterpret_cast<const char *>(&big), 4);
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray chunk;
    appendBig32(chunk, quint32(data.size()));
    chunk += type + data;
    appendBig32(chunk, crc32(type + data));
    return chunk;
}

}  // namespace

QByteArray DocumentSamples::pdf()
{
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    };
    QByteArray out = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

QByteArray DocumentSamples::png()
{
    QByteArray header;
    appendBig32(header, 1);  // width
    appendBig32(header, 1);  // height
    header += QByteArray::fromHex("0800000000");  // 8-bit greyscale, no interlace
    // qCompress puts the length before a zlib stream; PNG wants the stream alone.
    const QByteArray pixels = qCompress(QByteArray::fromHex("00ff")).mid(4);
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", header) + pngChunk("IDAT", pixels)
        + pngChunk("IEND", QByteArray());
}

QByteArray DocumentSamples::zip(const QList<QPair<QString, QByteArray>> &entries)
{
    QByteArray out;
    QByteArray directory;
    for (const QPair<QString, QByteArray> &entry : entries) {
        const QByteArray fileName = entry.first.toUtf8();
        const QByteArray &data = entry.second;
        const quint32 offset = quint32(out.size());
        const auto header = [&](QByteArray &to) {
            appendLittle16(to, 20);  // version needed
            appendLittle16(to, 0);   // flags
            appendLittle16(to, 0);   // stored
            appendLittle16(to, 0);   // time
            appendLittle16(to, 0x21);  // date: 1980-01-01
            appendLittle32(to, crc32(data));
            appendLittle32(to, quint32(data.size()));
            appendLittle32(to, quint32(data.size()));
            appendLittle16(to, quint16(fileName.size()));
            appendLittle16(to, 0);  // extra
        };
        appendLittle32(out, 0x04034b50);
        header(out);
        out += fileName + data;
        appendLittle32(directory, 0x02014b50);
        appendLittle16(directory, 20);  // made by
        header(directory);
        appendLittle16(directory, 0);  // comment
        appendLittle16(directory, 0);  // disk
        appendLittle16(directory, 0);  // internal attributes
        appendLittle32(directory, 0);  // external attributes
        appendLittle32(directory, offset);
        directory += fileName;
    }
    const quint32 start = quint32(out.size());
    out += directory;
    appendLittle32(out, 0x06054b50);
    appendLittle16(out, 0);
    appendLittle16(out, 0);
    appendLittle16(out, quint16(entries.size()));
    appendLittle16(out, quint16(entries.size()));
    appendLittle32(out, quint32(directory.size()));
    appendLittle32(out, start);
    appendLittle16(out, 0);
    return out;
}

QByteArray DocumentSamples::odt()
{
    return zip({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.text"},
                {QStringLiteral("content.xml"),
                 "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                 "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>Notes</text:p>"
                 "</office:text></office:body></office:document-content>"},
                {QStringLiteral("META-INF/manifest.xml"),
                 "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                 "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                 "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"}});
}

QByteArray DocumentSamples::docx()
{
    return zip({{QStringLiteral("[Content_Types].xml"),
                 "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                 "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                 "<Override PartName=\"/word/document.xml\" "
                 "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
                {QStringLiteral("_rels/.rels"),
                 "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                 "Target=\"word/document.xml\"/></Relationships>"},
                {QStringLiteral("word/document.xml"),
                 "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                 "<w:body><w:p><w:r><w:t>Handout</w:t></w:r></w:p></w:body></w:document>"}});
}
