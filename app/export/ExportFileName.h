#pragma once

#include <QString>

#include <optional>

// A worksheet export's file name and format, kept in agreement: a file named .docx is a Word
// document and one named .pdf is a PDF, whichever format was chosen before the name was typed.
class ExportFileName
{
public:
    enum class Format { Docx, Pdf };

    static QString extension(Format format);  // "docx" or "pdf"
    static QString formatName(Format format);  // "PDF" or "Word document", for messages

    // The format the name's extension stands for (any case), if it is one of them.
    static std::optional<Format> formatOf(const QString &path);

    // The save dialog's rule: the extension typed wins and the format follows it; a name
    // without .docx or .pdf keeps the chosen format and gets its extension.
    ExportFileName(const QString &typedPath, Format chosen);

    QString path() const { return m_path; }
    Format format() const { return m_format; }

private:
    QString m_path;
    Format m_format;
};
