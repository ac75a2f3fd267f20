#pragma once

#include <QString>

struct ExportDocument;

// Writes a worksheet export as a Word document (WordprocessingML, zipped with libzip):
// headings for modules, pages and activities, each prompt, then the answer as text or as
// a real table, or ruled lines and empty rows to write in when the export is blank.
class DocxWorksheetWriter
{
public:
    // Replaces `path` only with a complete file; false with *error (for the learner) otherwise.
    static bool write(const ExportDocument &doc, const QString &path, QString *error);
};
