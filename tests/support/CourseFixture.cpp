#include "CourseFixture.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace CourseFixture {

QString dataPath(const QString &relative)
{
    return QStringLiteral(TESTDATA_DIR "/") + relative;
}

QString dump(const Course &course)
{
    QStringList lines;
    for (const Diagnostic &d : course.diagnostics)
        lines << d.toString();
    return lines.isEmpty() ? QStringLiteral("(no diagnostics)") : lines.join(QLatin1Char('\n'));
}

const Diagnostic *findDiagnostic(const Course &course, const QString &fileSuffix,
                                 Diagnostic::Severity severity, const QStringList &substrings)
{
    for (const Diagnostic &d : course.diagnostics) {
        if (d.severity != severity)
            continue;
        if (!fileSuffix.isEmpty() && !d.file.endsWith(fileSuffix))
            continue;
        if (mentionsAll(d, substrings))
            return &d;
    }
    return nullptr;
}

bool mentionsAll(const Diagnostic &diagnostic, const QStringList &substrings)
{
    return std::all_of(substrings.begin(), substrings.end(),
                       [&](const QString &s) { return diagnostic.message.contains(s, Qt::CaseInsensitive); });
}

bool hasErrors(const Course &course)
{
    for (const Diagnostic &d : course.diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return true;
    }
    return false;
}

QStringList moduleIds(const Course &course)
{
    QStringList ids;
    for (const CourseModule &m : course.modules)
        ids << m.id;
    return ids;
}

QStringList pageIds(const CourseModule &module)
{
    QStringList ids;
    for (const CoursePage &p : module.pages)
        ids << p.id;
    return ids;
}

QStringList allPageIds(const Course &course)
{
    QStringList ids;
    for (const CoursePage *p : course.pages())
        ids << p->id;
    return ids;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes) == bytes.size();
}

Course loadData(const QString &relative)
{
    return CourseLoader::load(dataPath(relative));
}

}  // namespace CourseFixture
