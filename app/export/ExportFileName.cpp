#include "ExportFileName.h"

#include <QCoreApplication>
#include <QFileInfo>

QString ExportFileName::extension(Format format)
{
    return format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("docx");
}

QString ExportFileName::formatName(Format format)
{
    return format == Format::Pdf ? QCoreApplication::translate("ExportFileName", "PDF")
                                 : QCoreApplication::translate("ExportFileName", "Word document");
}

std::optional<ExportFileName::Format> ExportFileName::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    for (const Format format : {Format::Docx, Format::Pdf}) {
        if (suffix.compare(extension(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

ExportFileName::ExportFileName(const QString &typedPath, Format chosen)
    : m_path(typedPath)
    , m_format(formatOf(typedPath).value_or(chosen))
{
    if (!formatOf(typedPath) && !typedPath.isEmpty())
        m_path += (typedPath.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral(".")) + extension(chosen);
}
