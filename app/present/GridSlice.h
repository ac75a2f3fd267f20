#pragma once

#include <QString>

// A part of an activity's grid, for a grid too tall for one slide: the grid's header rows and
// `count` of its body rows from `first` (count -1: to the end, with rows added live). The
// control script (slides.js) cuts a grid typed live the same way.
namespace GridSlice {
QString rows(const QString &gridHtml, int first, int count);
}  // namespace GridSlice
