#pragma once

#include <QObject>
#include <QPointer>

class QScreen;
class QWidget;

// Where the presentation's windows go. Two screens or more: the slides full screen on the
// audience screen (the one picked last time, by its name; else the one that is not the
// laptop's primary) and the console on the other. One screen: the slides full screen, the
// console on a key. A screen plugged in or out mid-session moves the windows without losing
// the place. Mirrored displays (two screens showing the same area) count as one.
class PresentationScreens : public QObject
{
    Q_OBJECT
public:
    PresentationScreens(QWidget *audience, QWidget *console, QObject *parent = nullptr);

    void start();          // places both windows and keeps them placed
    void swap();           // audience and console trade screens (remembered)
    void toggleConsole();  // one screen: the console over the slides, or hidden
    QScreen *audienceScreen() const;
    QScreen *consoleScreen() const;  // null with one screen
    bool mirrored() const;

    // The settings key that remembers the audience screen's name.
    static inline const char *const kAudienceScreenKey = "present/audienceScreen";

signals:
    void placed();  // after every placement (start, swap, a screen added or removed)

private slots:
    void place();

private:
    void placeConsole();

    QWidget *m_audience;
    QWidget *m_console;
    QPointer<QScreen> m_audienceScreen;
    QPointer<QScreen> m_consoleScreen;
    bool m_started = false;
    bool m_consoleOnKey = false;  // one screen: the console is showing over the slides
    bool m_mirrored = false;
    bool m_notesToldOnce = false;  // the console has heard whether the displays are mirrored
};
