#include "WindowPlacement.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>

void WindowPlacement::restore(QMainWindow *window, const QByteArray &savedGeometry)
{
    if (window->restoreGeometry(savedGeometry)) {
        // Remembered from a bigger or now absent screen: keep it only if it is whole on one.
        const QScreen *screen = QGuiApplication::screenAt(window->geometry().center());
        if (screen && screen->availableGeometry().contains(window->frameGeometry()))
            return;
        if (screen && window->isMaximized())
            return;  // the window system fits a maximised window to its screen
    }
    const QScreen *screen = QGuiApplication::screenAt(window->geometry().center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    window->setWindowState(window->windowState() & ~Qt::WindowMaximized);
    if (available.width() <= kSmallScreenWidth) {
        // Also sized by hand: without a window manager, "maximised" alone changes nothing.
        window->setGeometry(available);
        window->setWindowState(window->windowState() | Qt::WindowMaximized);
        return;
    }
    const QSize size(qMin(available.width() * 82 / 100, 1800), qMin(available.height() * 88 / 100, 1200));
    QRect frame(QPoint(), size);
    frame.moveCenter(available.center());
    window->setGeometry(frame);
}
