#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

// The presenter's clocks: elapsed time, which starts at the first advance (not when the
// projector warms up), with pause and reset; the wall clock; and an optional countdown to
// the time the session must end ("ends 15:30"). Reads time through `now` so tests need no
// sleeps; ticks once a second for the console to show.
class PresentationClock : public QObject
{
    Q_OBJECT
public:
    using TimeSource = std::function<QDateTime()>;
    explicit PresentationClock(QObject *parent = nullptr, TimeSource now = &QDateTime::currentDateTime);

    bool isStarted() const { return m_started; }
    bool isPaused() const { return m_paused; }
    qint64 elapsedSeconds() const;
    QString elapsedText() const;    // "4:05", "1:02:03"
    QString wallClockText() const;  // the time of day, as the locale writes it

    // The countdown to an end time; an invalid time turns it off. A time more than 12 hours
    // past is tomorrow's: "ends 00:30" set at 23:00.
    void setEndTime(QTime end);
    bool hasEndTime() const { return m_end.isValid(); }
    qint64 remainingSeconds() const;  // negative once over time
    QString remainingText() const;    // "12:34 left", "2:05 over"; empty without an end time

    // "m:ss" below an hour, "h:mm:ss" from it: the same on the console and the wall.
    static QString durationText(qint64 seconds);

public slots:
    void start();  // the first call starts the elapsed time; later ones change nothing
    void setPaused(bool paused);
    void reset();  // back to 0:00, still running if it was

signals:
    void ticked();  // once a second, and after every change above
    void pausedChanged(bool paused);

private:
    TimeSource m_now;
    QTimer *m_timer;
    bool m_started = false;
    bool m_paused = false;
    qint64 m_banked = 0;   // milliseconds counted before the current running stretch
    QDateTime m_runningSince;
    QDateTime m_end;
};
