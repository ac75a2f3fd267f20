#pragma once

#include "ExportDocument.h"
#include "PdfFinisher.h"

#include <QSizeF>
#include <QString>

// A worksheet export as one self-contained HTML document laid out for printing (the PDF
// exporter prints it with Qt WebEngine): inline style, no scripts, nothing to fetch.
namespace WorksheetHtml {
// pageSize is a CSS page size keyword: "A4" or "Letter".
// Module, page and activity headings carry ids and link to themselves, so that the
// printed PDF has a named destination for each (see PdfFinisher).
QString document(const ExportDocument &doc, const QString &pageSize);

// The bookmarks for document(): module, page and activity headings, by their ids.
QVector<PdfFinisher::OutlineEntry> outline(const ExportDocument &doc);

// pageCount sheets of the given size (millimetres), blank but for the running header
// (from the second page: course and scope) and the footer (learner, date, "Page n of N"),
// to be drawn over the printed document.
QString pageChrome(const ExportDocument &doc, QSizeF pageSizeMm, int pageCount);
}  // namespace WorksheetHtml
