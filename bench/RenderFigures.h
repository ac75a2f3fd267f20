#pragma once

#include <QJsonObject>

// Rendering figures (issue 16, goal 2), each printed with its peer measured in the same run
// and the ratio: a whole course through PageRenderer against the `cmark` command on the same
// Markdown bytes (an empty render cache first, then again from the cache), and `coursebook
// --list` against reading the same page files with `cat`.
namespace RenderFigures {
QJsonObject measure(const QString &coursePath);
// The same for a course written for the run: `modules` of `pagesPerModule` pages, `--list` too.
QJsonObject measureGenerated(int modules, int pagesPerModule);
}  // namespace RenderFigures
