#pragma once

#include <QJsonObject>

// Figures for exporting the whole bundled workbook with every activity answered: the Word
// and PDF writers, and (when installed) pandoc turning the same content as Markdown into
// Word, as a yardstick for the Word writer. Needs a QApplication (the PDF is printed by
// Qt WebEngine), created after CourseSchemeHandler::registerScheme().
class ExportFigures
{
public:
    static QJsonObject measure();  // {"activities", "docx_ms", "pdf_ms", "pandoc_ms", ... "_bytes"}
};
