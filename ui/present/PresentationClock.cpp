#include "PresentationClock.h"

#include <QLocale>
#include <QTimer>

PresentationClock::PresentationClock(QObject *parent, TimeSource now) : QObject(parent), m_now(std::move(now)), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PresentationClock::ticked);
    m_timer->start();  // the wall clock and the countdown move before the first advance too
}

qint64 PresentationClock::elapsedSeconds() const
{
    qint64 ms = m_banked;
    if (m_started && !m_paused)
        ms += m_runningSince.msecsTo(m_now());
    return ms / 1000;
}

QString PresentationClock::elapsedText() const
{
    return durationText(elapsedSeconds());
}

QString PresentationClock::wallClockText() const
{
    return QLocale().toString(m_now().time(), QLocale::ShortFormat);
}

void PresentationClock::setEndTime(QTime end)
{
    if (!end.isValid()) {
        m_end = QDateTime();
    } else {
        const QDateTime now = m_now();
        m_end = QDateTime(now.date(), end);
        if (m_end.secsTo(now) > 12 * 3600)
            m_end = m_end.addDays(1);
    }
    emit ticked();
}

qint64 PresentationClock::remainingSeconds() const
{
    if (!m_end.isValid())
        return 0;
    // Whole seconds towards zero, so that 0:01 left is followed by 0:00 and then 0:01 over.
    return m_now().msecsTo(m_end) / 1000;
}

QString PresentationClock::remainingText() const
{
    if (!m_end.isValid())
        return QString();
    const qint64 remaining = remainingSeconds();
    if (remaining < 0)
        return tr("%1 over").arg(durationText(-remaining));
    return tr("%1 left").arg(durationText(remaining));
}

QString PresentationClock::durationText(qint64 seconds)
{
    const QChar zero(QLatin1Char('0'));
    const qint64 h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, zero).arg(s, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, zero);
}

void PresentationClock::start()
{
    if (m_started)
        return;
    m_started = true;
    m_runningSince = m_now();
    emit ticked();
}

void PresentationClock::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    if (m_started) {
        if (paused)
            m_banked += m_runningSince.msecsTo(m_now());
        else
            m_runningSince = m_now();
    }
    m_paused = paused;
    emit pausedChanged(paused);
    emit ticked();
}

void PresentationClock::reset()
{
    m_banked = 0;
    m_runningSince = m_now();
    emit ticked();
}
