#pragma once

#include <QByteArray>

class QMainWindow;

// Where the main window goes: the geometry remembered from the last run when it still
// fits the screen it would open on, else a size chosen for that screen (a small laptop
// gets all of it, a big monitor a generous window, centred).
namespace WindowPlacement {
void restore(QMainWindow *window, const QByteArray &savedGeometry);

// At or below this available width the window opens maximised: 1024, 1280 and 1366
// pixel laptops have no room to spare beside it.
inline constexpr int kSmallScreenWidth = 1440;
}  // namespace WindowPlacement
