#include "WindowPlacement.h"

#include <QGuiApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
}  // namespace

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

void WindowPlacement::restoreLayout(QMainWindow *window, QSplitter *splitter, QDockWidget *pane)
{
    QSettings settings;
    restore(window, settings.value(kGeometry).toByteArray());
    // So that the page keeps the most room on any screen.
    const int width = window->width();
    if (!window->restoreState(settings.value(kState).toByteArray()))
        window->resizeDocks({pane}, {qBound(pane->minimumWidth(), width * 30 / 100, 560)}, Qt::Horizontal);
    if (!splitter->restoreState(settings.value(kSplitter).toByteArray())) {
        const int sidebar = qBound(200, width / 5, 380);
        splitter->setSizes({sidebar, width - sidebar});
    }
}

void WindowPlacement::saveLayout(const QMainWindow *window, const QSplitter *splitter)
{
    QSettings settings;
    settings.setValue(kGeometry, window->saveGeometry());
    settings.setValue(kState, window->saveState());
    settings.setValue(kSplitter, splitter->saveState());
}
