#pragma once

#include <QByteArray>

struct ExportDocument;

// The running header and footer every page but the first shows (the first has the footer
// only: see DocxDocumentPart's section).
namespace DocxHeaderFooterParts {

// header1.xml: the course and the scope.
QByteArray header(const ExportDocument &doc);

// footer1.xml: "Page n of N", as fields the reader updates.
QByteArray footer();

}  // namespace DocxHeaderFooterParts
