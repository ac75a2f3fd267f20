#pragma once

#include <QObject>

// Keeps the screen saver and display sleep away while presenting, through the freedesktop
// ScreenSaver D-Bus interface (org.freedesktop.ScreenSaver: Inhibit gives a cookie,
// UnInhibit takes it back) on the session bus. Where no such service answers, it quietly does
// nothing: a presentation never waits for it or fails because of it.
class ScreenSaverInhibitor : public QObject
{
    Q_OBJECT
public:
    explicit ScreenSaverInhibitor(QObject *parent = nullptr);
    ~ScreenSaverInhibitor() override;  // releases the inhibition

    void inhibit(const QString &reason);
    void release();
    bool isInhibited() const { return m_cookie != 0; }

signals:
    void inhibitedChanged(bool inhibited);

private:
    void sendUnInhibit(uint cookie);

    bool m_wanted = false;  // true from inhibit() to release(), while the cookie is on its way
    uint m_cookie = 0;
};
