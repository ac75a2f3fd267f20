#include "BundledCourse.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

QString BundledCourse::path()
{
    // Installed next to the binary first (relocatable packages), then the build's source tree.
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/coursebook/course"),
        QStringLiteral(COURSEBOOK_INSTALLED_COURSE),
        QStringLiteral(COURSEBOOK_SOURCE_COURSE),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate + QStringLiteral("/_data/course.yml")).exists())
            return QDir::cleanPath(candidate);
    }
    return QStringLiteral(COURSEBOOK_SOURCE_COURSE);
}
