#pragma once

#include "DocxPackage.h"

#include <QPageSize>
#include <QString>

struct ExportDocument;

// Writes a worksheet export as a Word document (WordprocessingML, zipped with libzip):
// headings for modules, pages and activities, each prompt, then the answer as text or as
// a real table, or ruled lines and empty rows to write in when the export is blank. Pages
// carry a running header (course and scope; not on the first page, which has the title)
// and "Page n of N" in the footer.
namespace DocxWorksheetWriter {
// Replaces `path` only with a complete file; false with *error (for the learner) otherwise.
bool write(const ExportDocument &doc, const QString &path, QPageSize::PageSizeId size, QString *error);

// Every part of the document, its pictures last, ready to zip.
DocxPackage package(const ExportDocument &doc, QPageSize::PageSizeId size);
}  // namespace DocxWorksheetWriter
