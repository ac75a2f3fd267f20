#include "ActivityTimer.h"

#include <QTimer>

ActivityTimer::ActivityTimer(QObject *parent, PresentationClock::TimeSource now)
    : QObject(parent), m_now(std::move(now)), m_timer(new QTimer(this))
{
    // Checked often, so the wall's seconds turn over with the real ones, not up to a second late.
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &ActivityTimer::update);
}

QString ActivityTimer::text() const
{
    if (!isRunning())
        return QString();
    // Rounded up: "5:00" for the whole first second, "0:00" only at the end.
    const qint64 ms = qMax<qint64>(0, m_now().msecsTo(m_end));
    return PresentationClock::durationText((ms + 999) / 1000);
}

void ActivityTimer::start(int seconds)
{
    if (seconds <= 0) {
        stop();
        return;
    }
    m_end = m_now().addSecs(seconds);
    m_timer->start();
    update();
}

void ActivityTimer::stop()
{
    m_timer->stop();
    m_end = QDateTime();
    update();
}

void ActivityTimer::update()
{
    const QString shown = text();
    if (shown != m_shown) {
        m_shown = shown;
        emit textChanged(shown);
    }
    if (isRunning() && m_now() >= m_end) {
        m_timer->stop();
        m_end = QDateTime();  // what stays on the wall is "0:00" until the next start or stop
        emit finished();
    }
}
