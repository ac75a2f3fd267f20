#pragma once

#include <QByteArray>

struct DocxReferences;
struct ExportDocument;

// The package's plumbing (ECMA-376 part 2): which part is what, how the parts refer to each
// other, and the document's properties.
namespace DocxPackageParts {

// [Content_Types].xml
QByteArray contentTypes();
// _rels/.rels: the main document and the properties.
QByteArray packageRelationships();
// word/_rels/document.xml.rels: styles, numbering, header, footer, then the links and
// pictures document.xml refers to.
QByteArray documentRelationships(const DocxReferences &references);
// docProps/core.xml: title, learner as creator, and when it was written.
QByteArray coreProperties(const ExportDocument &doc);
// docProps/app.xml
QByteArray appProperties();

}  // namespace DocxPackageParts
