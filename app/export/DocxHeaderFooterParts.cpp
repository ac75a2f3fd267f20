#include "DocxHeaderFooterParts.h"

#include "DocxBodyWriter.h"
#include "DocxXml.h"
#include "ExportDocument.h"

#include <QXmlStreamWriter>

#include <functional>

namespace {

// A complex field (PAGE, NUMPAGES), with a cached value for readers that do not update fields.
void writeField(QXmlStreamWriter &x, DocxBodyWriter &body, const QString &instruction, const QString &cached)
{
    const auto fieldChar = [&x](const char *type) {
        x.writeStartElement(QStringLiteral("w:r"));
        x.writeEmptyElement(QStringLiteral("w:fldChar"));
        x.writeAttribute(QStringLiteral("w:fldCharType"), QLatin1String(type));
        x.writeEndElement();
    };
    fieldChar("begin");
    x.writeStartElement(QStringLiteral("w:r"));
    x.writeStartElement(QStringLiteral("w:instrText"));
    x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    x.writeCharacters(QLatin1Char(' ') + instruction + QLatin1Char(' '));
    x.writeEndElement();
    x.writeEndElement();
    fieldChar("separate");
    body.run(DocxRun::plain(cached));
    fieldChar("end");
}

// The header or footer part: one paragraph of the given style.
QByteArray pageChromeXml(const QString &root, const QString &style,
                         const std::function<void(QXmlStreamWriter &, DocxBodyWriter &)> &content)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, root, DocxXml::kWordNamespace, QStringLiteral("w"));
    x.writeStartElement(QStringLiteral("w:p"));
    x.writeStartElement(QStringLiteral("w:pPr"));
    x.writeEmptyElement(QStringLiteral("w:pStyle"));
    x.writeAttribute(QStringLiteral("w:val"), style);
    x.writeEndElement();
    DocxBodyWriter body(x);
    content(x, body);
    x.writeEndElement();  // w:p
    x.writeEndDocument();
    return bytes;
}

}  // namespace

namespace DocxHeaderFooterParts {

QByteArray header(const ExportDocument &doc)
{
    return pageChromeXml(QStringLiteral("w:hdr"), QStringLiteral("Header"), [&doc](QXmlStreamWriter &, DocxBodyWriter &body) {
        body.run(DocxRun::plain(doc.courseTitle + QStringLiteral(" · ") + doc.scopeTitle));
    });
}

QByteArray footer()
{
    return pageChromeXml(QStringLiteral("w:ftr"), QStringLiteral("Footer"), [](QXmlStreamWriter &x, DocxBodyWriter &body) {
        body.run(DocxRun::plain(QStringLiteral("Page ")));
        writeField(x, body, QStringLiteral("PAGE"), QStringLiteral("1"));
        body.run(DocxRun::plain(QStringLiteral(" of ")));
        writeField(x, body, QStringLiteral("NUMPAGES"), QStringLiteral("1"));
    });
}

}  // namespace DocxHeaderFooterParts
