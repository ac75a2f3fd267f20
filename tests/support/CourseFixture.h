#pragma once

#include "CourseLoader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// What the CourseLoader suites share: the fixtures in tests/data, files written into a
// QTemporaryDir, and looks into a loaded course (its ids, its diagnostics).
namespace CourseFixture {

QString dataPath(const QString &relative);

// Every diagnostic of the course, one per line, for failure messages.
QString dump(const Course &course);

// Whether the diagnostic's message contains every one of the substrings (case-insensitive).
bool mentionsAll(const Diagnostic &diagnostic, const QStringList &substrings);

// The first diagnostic whose file ends with fileSuffix (empty: any file), of the given
// severity, whose message contains every one of the substrings (case-insensitive).
const Diagnostic *findDiagnostic(const Course &course, const QString &fileSuffix,
                                 Diagnostic::Severity severity, const QStringList &substrings);

bool hasErrors(const Course &course);
QStringList moduleIds(const Course &course);
QStringList pageIds(const CourseModule &module);
QStringList allPageIds(const Course &course);
bool writeFile(const QString &path, const QByteArray &bytes);

// The fixtures are loaded once per test function; loading is cheap.
Course loadData(const QString &relative);

}  // namespace CourseFixture
