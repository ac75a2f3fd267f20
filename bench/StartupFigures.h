#pragma once

#include <QJsonObject>

// Figures of the app started as a reader starts it (`coursebook --course PATH`, a process of
// its own), each beside its peer measured in the same run: a bare QWebEngineView showing the
// same first page (`coursebook --bare-view`). Needs a display.
namespace StartupFigures {
// From process start to the first page painted, the median of five starts of each, taken in
// turns: first_paint_ms, bare_view_first_paint_ms and their ratio.
QJsonObject firstPaint(const QString &coursePath);
// The memory of the app and all its Qt WebEngine processes once the first page is painted
// and the work after it done, against the bare view's: app_pss_mb, bare_view_pss_mb, ratio.
QJsonObject memory(const QString &coursePath);
}  // namespace StartupFigures
