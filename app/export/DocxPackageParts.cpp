#include "DocxPackageParts.h"

#include "DocxReferences.h"
#include "DocxXml.h"
#include "ExportDocument.h"

#include <QDateTime>
#include <QXmlStreamWriter>

namespace {

const QString kPackageRelNamespace = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kOfficeRelType = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");

void writeRelationship(QXmlStreamWriter &x, const QString &id, const QString &type, const QString &target, bool external = false)
{
    x.writeEmptyElement(QStringLiteral("Relationship"));
    x.writeAttribute(QStringLiteral("Id"), id);
    x.writeAttribute(QStringLiteral("Type"), type);
    x.writeAttribute(QStringLiteral("Target"), target);
    if (external)
        x.writeAttribute(QStringLiteral("TargetMode"), QStringLiteral("External"));
}

}  // namespace

namespace DocxPackageParts {

QByteArray documentRelationships(const DocxReferences &references)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("Relationships"), kPackageRelNamespace, QString());
    writeRelationship(x, QStringLiteral("rIdStyles"), kOfficeRelType + QStringLiteral("styles"), QStringLiteral("styles.xml"));
    writeRelationship(x, QStringLiteral("rIdNumbering"), kOfficeRelType + QStringLiteral("numbering"), QStringLiteral("numbering.xml"));
    writeRelationship(x, QStringLiteral("rIdHeader"), kOfficeRelType + QStringLiteral("header"), QStringLiteral("header1.xml"));
    writeRelationship(x, QStringLiteral("rIdFooter"), kOfficeRelType + QStringLiteral("footer"), QStringLiteral("footer1.xml"));
    for (qsizetype i = 0; i < references.links.size(); ++i)
        writeRelationship(x, DocxReferences::linkId(i), kOfficeRelType + QStringLiteral("hyperlink"), references.links[i], true);
    for (qsizetype i = 0; i < references.pictures.size(); ++i)
        writeRelationship(x, DocxReferences::pictureId(i), kOfficeRelType + QStringLiteral("image"), references.pictureFileName(i));
    x.writeEndDocument();
    return bytes;
}

QByteArray packageRelationships()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("Relationships"), kPackageRelNamespace, QString());
    writeRelationship(x, QStringLiteral("rId1"), kOfficeRelType + QStringLiteral("officeDocument"), QStringLiteral("word/document.xml"));
    writeRelationship(x, QStringLiteral("rId2"),
                      QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                      QStringLiteral("docProps/core.xml"));
    writeRelationship(x, QStringLiteral("rId3"), kOfficeRelType + QStringLiteral("extended-properties"), QStringLiteral("docProps/app.xml"));
    x.writeEndDocument();
    return bytes;
}

QByteArray contentTypes()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("Types"), QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types"), QString());
    const QString wordml = QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.");
    for (const auto &[extension, type] : {std::pair{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
                                          std::pair{"xml", "application/xml"}, std::pair{"png", "image/png"},
                                          std::pair{"jpeg", "image/jpeg"}, std::pair{"gif", "image/gif"}}) {
        x.writeEmptyElement(QStringLiteral("Default"));
        x.writeAttribute(QStringLiteral("Extension"), QLatin1String(extension));
        x.writeAttribute(QStringLiteral("ContentType"), QLatin1String(type));
    }
    const QList<std::pair<QString, QString>> overrides = {
        {QStringLiteral("/word/document.xml"), wordml + QStringLiteral("document.main+xml")},
        {QStringLiteral("/word/styles.xml"), wordml + QStringLiteral("styles+xml")},
        {QStringLiteral("/word/numbering.xml"), wordml + QStringLiteral("numbering+xml")},
        {QStringLiteral("/word/header1.xml"), wordml + QStringLiteral("header+xml")},
        {QStringLiteral("/word/footer1.xml"), wordml + QStringLiteral("footer+xml")},
        {QStringLiteral("/docProps/core.xml"), QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml")},
        {QStringLiteral("/docProps/app.xml"), QStringLiteral("application/vnd.openxmlformats-officedocument.extended-properties+xml")},
    };
    for (const auto &[part, type] : overrides) {
        x.writeEmptyElement(QStringLiteral("Override"));
        x.writeAttribute(QStringLiteral("PartName"), part);
        x.writeAttribute(QStringLiteral("ContentType"), type);
    }
    x.writeEndDocument();
    return bytes;
}

QByteArray coreProperties(const ExportDocument &doc)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("cp:coreProperties"),
              QStringLiteral("http://schemas.openxmlformats.org/package/2006/metadata/core-properties"), QStringLiteral("cp"));
    x.writeAttribute(QStringLiteral("xmlns:dc"), QStringLiteral("http://purl.org/dc/elements/1.1/"));
    x.writeAttribute(QStringLiteral("xmlns:dcterms"), QStringLiteral("http://purl.org/dc/terms/"));
    x.writeAttribute(QStringLiteral("xmlns:xsi"), QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    x.writeTextElement(QStringLiteral("dc:title"), doc.courseTitle);
    if (!doc.learner.trimmed().isEmpty())
        x.writeTextElement(QStringLiteral("dc:creator"), doc.learner.trimmed());
    x.writeStartElement(QStringLiteral("dcterms:created"));
    x.writeAttribute(QStringLiteral("xsi:type"), QStringLiteral("dcterms:W3CDTF"));
    x.writeCharacters(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    x.writeEndElement();
    x.writeEndDocument();
    return bytes;
}

QByteArray appProperties()
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("Properties"),
              QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"), QString());
    x.writeTextElement(QStringLiteral("Application"), QStringLiteral("Coursebook ") + QStringLiteral(COURSEBOOK_VERSION));
    x.writeEndDocument();
    return bytes;
}

}  // namespace DocxPackageParts
