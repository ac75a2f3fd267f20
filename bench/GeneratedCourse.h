#pragma once

#include <QString>

// Writes a synthetic Course-in-a-Box course (realistic page bodies with callouts,
// lists, tables, links and an activity) so load and render figures can be measured
// at a size no real course has yet.
class GeneratedCourse
{
public:
    static bool write(const QString &root, int modules, int pagesPerModule, QString *error);
};
