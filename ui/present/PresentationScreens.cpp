#include "PresentationScreens.h"

#include "PresenterConsole.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWidget>

namespace {

// The screens that show areas of their own, the primary first: of screens that mirror each
// other (siblings with the same geometry) only the first counts, and `mirrored` says so.
QList<QScreen *> distinctScreens(bool *mirrored)
{
    QList<QScreen *> all = QGuiApplication::screens();
    if (QScreen *primary = QGuiApplication::primaryScreen()) {
        all.removeOne(primary);
        all.prepend(primary);
    }
    QList<QScreen *> distinct;
    *mirrored = false;
    for (QScreen *screen : std::as_const(all)) {
        const bool mirror = std::any_of(distinct.cbegin(), distinct.cend(), [screen](const QScreen *shown) {
            return shown->geometry() == screen->geometry() && screen->virtualSiblings().contains(shown);
        });
        if (mirror)
            *mirrored = true;
        else
            distinct << screen;
    }
    return distinct;
}

QScreen *named(const QList<QScreen *> &screens, const QString &name)
{
    for (QScreen *screen : screens) {
        if (!name.isEmpty() && screen->name() == name)
            return screen;
    }
    return nullptr;
}

// A window manager keeps a full-screen or maximised window where it is: the window leaves
// that state to move, and is sized by hand too, since without a window manager the state
// alone changes nothing.
void moveTo(QWidget *window, QScreen *screen, bool fullScreen)
{
    if (window->screen() != screen && (window->isFullScreen() || window->isMaximized()))
        window->showNormal();
    window->setScreen(screen);
    window->setGeometry(fullScreen ? screen->geometry() : screen->availableGeometry());
    if (fullScreen)
        window->showFullScreen();
    else
        window->showMaximized();
}

}  // namespace

PresentationScreens::PresentationScreens(QWidget *audience, QWidget *console, QObject *parent)
    : QObject(parent), m_audience(audience), m_console(console)
{
}

void PresentationScreens::start()
{
    if (!m_started) {
        m_started = true;
        // Called while the screen is still there: the windows leave it before Qt moves them.
        connect(qGuiApp, &QGuiApplication::screenAdded, this, &PresentationScreens::place);
        connect(qGuiApp, &QGuiApplication::screenRemoved, this, &PresentationScreens::place);
        connect(qGuiApp, &QGuiApplication::primaryScreenChanged, this, &PresentationScreens::place);
    }
    place();
    // Whoever drives the slides gets the keys: the facilitator's console, else the slides.
    (m_consoleScreen ? m_console : m_audience)->activateWindow();
}

void PresentationScreens::swap()
{
    if (!m_consoleScreen)
        return;
    QSettings().setValue(QLatin1String(kAudienceScreenKey), m_consoleScreen->name());
    place();
}

void PresentationScreens::toggleConsole()
{
    if (m_consoleScreen)
        return;
    m_consoleOnKey = !m_consoleOnKey;
    placeConsole();
    emit placed();
}

QScreen *PresentationScreens::audienceScreen() const
{
    return m_audienceScreen;
}

QScreen *PresentationScreens::consoleScreen() const
{
    return m_consoleScreen;
}

bool PresentationScreens::mirrored() const
{
    return m_mirrored;
}

void PresentationScreens::place()
{
    bool mirrored = false;
    const QList<QScreen *> screens = distinctScreens(&mirrored);
    if (screens.isEmpty())
        return;
    QScreen *primary = screens.first();
    QScreen *audience = screens.size() > 1 ? named(screens, QSettings().value(QLatin1String(kAudienceScreenKey)).toString()) : primary;
    if (!audience)
        audience = screens.at(1);  // a projector is rarely the primary screen
    QScreen *console = nullptr;
    for (QScreen *screen : screens) {
        if (screen != audience) {
            console = screen;
            break;
        }
    }
    m_audienceScreen = audience;
    m_consoleScreen = console;
    for (QScreen *screen : screens)
        connect(screen, &QScreen::geometryChanged, this, &PresentationScreens::place, Qt::UniqueConnection);

    moveTo(m_audience, audience, true);
    placeConsole();
    if (mirrored != m_mirrored || !m_notesToldOnce) {
        m_notesToldOnce = true;
        m_mirrored = mirrored;
        // What the console shows, the room sees: its notes wait for the facilitator's word.
        if (auto *presenter = qobject_cast<PresenterConsole *>(m_console))
            presenter->setNotesHiddenUntilConfirmed(mirrored);
    }
    emit placed();
}

void PresentationScreens::placeConsole()
{
    if (m_consoleScreen) {
        moveTo(m_console, m_consoleScreen, false);
    } else if (m_consoleOnKey) {
        moveTo(m_console, m_audienceScreen, false);
        m_console->raise();
        m_console->activateWindow();
    } else {
        m_console->hide();
        m_audience->activateWindow();
    }
}
