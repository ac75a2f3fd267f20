#pragma once

#include "PresentationClock.h"

#include <QObject>

class QTimer;

// A countdown for an activity, shown on the wall ("5:00" for this reflection): started from
// the console, it says each second what to show, and that it has finished at 0:00.
class ActivityTimer : public QObject
{
    Q_OBJECT
public:
    explicit ActivityTimer(QObject *parent = nullptr, PresentationClock::TimeSource now = &QDateTime::currentDateTime);

    bool isRunning() const { return m_end.isValid(); }
    QString text() const;  // "4:59"; empty when not running

public slots:
    void start(int seconds);  // 0 or less stops it
    void stop();
    void update();  // what the second timer calls: the text now, and the end at 0:00

signals:
    void textChanged(const QString &text);  // "" when stopped: nothing to show
    void finished();

private:
    PresentationClock::TimeSource m_now;
    QTimer *m_timer;
    QDateTime m_end;
    QString m_shown;
};
