#include "VirtualScreen.h"

#include <QProcessEnvironment>

#include <unistd.h>

VirtualScreen::VirtualScreen(QSize size)
{
    // Xvfb picks a free display itself and writes its number to the given descriptor.
    int pipeFds[2];
    if (pipe(pipeFds) != 0)
        return;
    m_server.setChildProcessModifier([pipeFds] {
        ::close(pipeFds[0]);
        ::dup2(pipeFds[1], 9);
    });
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("9"), QStringLiteral("-screen"),
                                            QStringLiteral("0"), QStringLiteral("%1x%2x24").arg(size.width()).arg(size.height()),
                                            QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    ::close(pipeFds[1]);
    QByteArray number;
    char c = 0;
    while (m_server.waitForStarted(10000) && ::read(pipeFds[0], &c, 1) == 1 && c != '\n')
        number.append(c);
    ::close(pipeFds[0]);
    if (!number.isEmpty())
        m_display = QLatin1Char(':') + QString::fromLatin1(number);
}

VirtualScreen::~VirtualScreen()
{
    m_server.terminate();
    m_server.waitForFinished(5000);
}

QString VirtualScreen::xdotool(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), m_display);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("xdotool"), arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}
