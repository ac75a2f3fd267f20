#pragma once

#include <QProcess>
#include <QSize>
#include <QString>
#include <QStringList>

// An X server of a given size for one test (a 1024 x 768 laptop, a 1920 x 1080 monitor),
// and xdotool aimed at it: keys typed there are real X key events, delivered to whatever
// has the keyboard focus, exactly as a person's or a presentation clicker's would be.
class VirtualScreen
{
public:
    explicit VirtualScreen(QSize size);
    ~VirtualScreen();
    VirtualScreen(const VirtualScreen &) = delete;
    VirtualScreen &operator=(const VirtualScreen &) = delete;

    bool isRunning() const { return !m_display.isEmpty(); }
    QString display() const { return m_display; }  // ":N"
    QString xdotool(const QStringList &arguments) const;

private:
    QProcess m_server;
    QString m_display;
};
