#pragma once

#include <QString>

// The course that ships with Coursebook: installed beside the binary (a relocated
// package), in the installed data folder, or in the source tree of a build.
namespace BundledCourse {
QString path();
}
