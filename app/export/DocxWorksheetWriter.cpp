#include "DocxWorksheetWriter.h"

#include "DocxDocumentPart.h"
#include "DocxHeaderFooterParts.h"
#include "DocxPackageParts.h"
#include "DocxStyleParts.h"
#include "ExportDocument.h"
#include "ExportLog.h"

bool DocxWorksheetWriter::write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error)
{
    QString why;
    if (package(doc, size).write(path, &why))
        return true;
    qCWarning(lcExport).noquote() << "DOCX not written:" << why;
    if (error)
        *error = why;
    return false;
}

DocxPackage DocxWorksheetWriter::package(const ExportDocument &doc, QPageSize::PageSizeId size)
{
    DocxReferences references;
    const QByteArray document = DocxDocumentPart::xml(doc, size, &references);  // first: the parts below follow from its references
    DocxPackage package;
    package.addPart(QStringLiteral("[Content_Types].xml"), DocxPackageParts::contentTypes());
    package.addPart(QStringLiteral("_rels/.rels"), DocxPackageParts::packageRelationships());
    package.addPart(QStringLiteral("word/document.xml"), document);
    package.addPart(QStringLiteral("word/_rels/document.xml.rels"), DocxPackageParts::documentRelationships(references));
    package.addPart(QStringLiteral("word/styles.xml"), DocxStyleParts::styles(doc.reading));
    package.addPart(QStringLiteral("word/numbering.xml"), DocxStyleParts::numbering(references.orderedLists));
    package.addPart(QStringLiteral("word/header1.xml"), DocxHeaderFooterParts::header(doc));
    package.addPart(QStringLiteral("word/footer1.xml"), DocxHeaderFooterParts::footer());
    package.addPart(QStringLiteral("docProps/core.xml"), DocxPackageParts::coreProperties(doc));
    package.addPart(QStringLiteral("docProps/app.xml"), DocxPackageParts::appProperties());
    for (qsizetype i = 0; i < references.pictures.size(); ++i)
        package.addPart(QStringLiteral("word/") + references.pictureFileName(i), references.pictures[i]->bytes);
    return package;
}
