#pragma once

#include <QPageSize>
#include <QString>
#include <QTextStream>

// --export slides --module ID [--notes]: a module's slides as a PDF handout (SlideHandoutWriter).
namespace SlideHandoutCommand {

// Writes the handout to `target` ("-": standard output); returns the exit code (1 after saying why on err).
int run(const QString &coursePath, const QString &moduleId, bool withNotes, QPageSize::PageSizeId size, const QString &target,
        QTextStream &out, QTextStream &err);

}  // namespace SlideHandoutCommand
