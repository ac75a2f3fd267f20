#include "SlideHandoutCommand.h"

#include "CommandLineFiles.h"
#include "CourseLoader.h"
#include "SlideHandoutWriter.h"

#include <QCoreApplication>

namespace SlideHandoutCommand {

int run(const QString &coursePath, const QString &moduleId, bool withNotes, QPageSize::PageSizeId size, const QString &target,
        QTextStream &out, QTextStream &err)
{
    if (moduleId.isEmpty()) {
        err << "coursebook: " << QCoreApplication::translate("SlideHandoutCommand", "--export slides needs --module MODULE_ID (see --list)")
            << "\n";
        return 1;
    }
    const SlideHandoutWriter::Handout handout{std::make_shared<const Course>(CourseLoader::load(coursePath)), moduleId, withNotes, size};
    QString error;
    int slides = 0;
    bool written = false;
    if (CommandLineFiles::isStandardStream(target)) {
        QByteArray bytes;
        written = SlideHandoutWriter::writeInMemory(handout, &bytes, &error) && CommandLineFiles::write(target, bytes, &error);
    } else {
        written = SlideHandoutWriter::write(handout, target, &error, &slides);
    }
    if (!written) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    if (!CommandLineFiles::isStandardStream(target))  // there, only the document
        out << "wrote " << target << " (" << slides << (slides == 1 ? " slide)\n" : " slides)\n");
    return 0;
}

}  // namespace SlideHandoutCommand
