#pragma once

#include "ExportDocument.h"

#include <QString>

// A worksheet export as one self-contained HTML document laid out for printing (the PDF
// exporter prints it with Qt WebEngine): inline style, no scripts, nothing to fetch.
class WorksheetHtml
{
public:
    // pageSize is a CSS page size keyword: "A4" or "Letter".
    static QString document(const ExportDocument &doc, const QString &pageSize);
};
