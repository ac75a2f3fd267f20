#pragma once

#include <QByteArray>

class QDockWidget;
class QMainWindow;
class QSplitter;

// Where the main window goes: the geometry remembered from the last run when it still
// fits the screen it would open on, else a size chosen for that screen (a small laptop
// gets all of it, a big monitor a generous window, centred).
namespace WindowPlacement {
void restore(QMainWindow *window, const QByteArray &savedGeometry);

// The window's place, its docks and its splitter's sizes as the settings keep them from the
// last run; the first time, the contents get a fifth of the window and `pane` under a third.
void restoreLayout(QMainWindow *window, QSplitter *splitter, QDockWidget *pane);
void saveLayout(const QMainWindow *window, const QSplitter *splitter);

// At or below this available width the window opens maximised: 1024, 1280 and 1366
// pixel laptops have no room to spare beside it.
inline constexpr int kSmallScreenWidth = 1440;
}  // namespace WindowPlacement
