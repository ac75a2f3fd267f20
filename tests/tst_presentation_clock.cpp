// Tests for the presenter's clocks (PresentationClock) and the activity timer on the wall
// (ActivityTimer), on a time source the test moves by hand: no test waits for real seconds.

#include "ActivityTimer.h"
#include "PresentationClock.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

namespace {
// A wall clock that stands still until the test moves it.
struct FakeTime {
    QDateTime now = QDateTime(QDate(2026, 3, 12), QTime(14, 0));
    PresentationClock::TimeSource source()
    {
        return [this] { return now; };
    }
    void pass(int seconds) { now = now.addSecs(seconds); }
};
}  // namespace

class TestPresentationClock : public QObject
{
    Q_OBJECT
private slots:
    void elapsedStartsAtTheFirstAdvance()
    {
        FakeTime time;
        PresentationClock clock(nullptr, time.source());
        time.pass(600);  // the facilitator sets up and waits for the room
        QCOMPARE(clock.elapsedText(), QStringLiteral("0:00"));
        QVERIFY(!clock.isStarted());
        clock.start();
        time.pass(65);
        QCOMPARE(clock.elapsedText(), QStringLiteral("1:05"));
        clock.start();  // a later advance does not start it again
        time.pass(3600 + 2);
        QCOMPARE(clock.elapsedText(), QStringLiteral("1:01:07"));
    }

    void pauseHoldsTheTimeAndResumeGoesOn()
    {
        FakeTime time;
        PresentationClock clock(nullptr, time.source());
        QSignalSpy paused(&clock, &PresentationClock::pausedChanged);
        clock.start();
        time.pass(90);
        clock.setPaused(true);
        time.pass(600);  // a break
        QCOMPARE(clock.elapsedText(), QStringLiteral("1:30"));
        clock.setPaused(false);
        time.pass(10);
        QCOMPARE(clock.elapsedSeconds(), 100);
        QCOMPARE(paused.count(), 2);
    }

    void resetStartsFromZeroAndKeepsItsState()
    {
        FakeTime time;
        PresentationClock clock(nullptr, time.source());
        clock.start();
        time.pass(300);
        clock.reset();
        QCOMPARE(clock.elapsedText(), QStringLiteral("0:00"));
        time.pass(20);
        QCOMPARE(clock.elapsedSeconds(), 20);  // still running
        clock.setPaused(true);
        time.pass(40);
        clock.reset();
        time.pass(40);
        QCOMPARE(clock.elapsedSeconds(), 0);  // still paused
    }

    void wallClockShowsTheTimeOfDay()
    {
        FakeTime time;
        PresentationClock clock(nullptr, time.source());
        QCOMPARE(clock.wallClockText(), QLocale().toString(QTime(14, 0), QLocale::ShortFormat));
        time.pass(25 * 60);
        QCOMPARE(clock.wallClockText(), QLocale().toString(QTime(14, 25), QLocale::ShortFormat));
    }

    void countdownToTheEndTime()
    {
        FakeTime time;
        PresentationClock clock(nullptr, time.source());
        QCOMPARE(clock.remainingText(), QString());
        clock.setEndTime(QTime(15, 30));
        QCOMPARE(clock.remainingText(), QStringLiteral("1:30:00 left"));
        time.pass(90 * 60 - 1);
        QCOMPARE(clock.remainingText(), QStringLiteral("0:01 left"));
        time.pass(1);
        QCOMPARE(clock.remainingText(), QStringLiteral("0:00 left"));
        time.pass(125);
        QCOMPARE(clock.remainingSeconds(), -125);
        QCOMPARE(clock.remainingText(), QStringLiteral("2:05 over"));
        clock.setEndTime(QTime());
        QVERIFY(!clock.hasEndTime());
        QCOMPARE(clock.remainingText(), QString());
    }

    void anEndTimeAfterMidnightIsTomorrows()
    {
        FakeTime time;
        time.now = QDateTime(QDate(2026, 3, 12), QTime(23, 0));
        PresentationClock clock(nullptr, time.source());
        clock.setEndTime(QTime(0, 30));
        QCOMPARE(clock.remainingText(), QStringLiteral("1:30:00 left"));
        clock.setEndTime(QTime(22, 50));  // ten minutes ago: over time, not tomorrow
        QCOMPARE(clock.remainingText(), QStringLiteral("10:00 over"));
    }

    void activityTimerCountsDownOnTheWall()
    {
        FakeTime time;
        ActivityTimer timer(nullptr, time.source());
        QSignalSpy shown(&timer, &ActivityTimer::textChanged);
        QSignalSpy finished(&timer, &ActivityTimer::finished);
        timer.start(5 * 60);
        QCOMPARE(shown.takeFirst().first().toString(), QStringLiteral("5:00"));
        time.now = time.now.addMSecs(500);
        timer.update();
        QVERIFY(shown.isEmpty());  // the same second: nothing new to show, still "5:00"
        time.now = time.now.addMSecs(500);
        timer.update();
        QCOMPARE(shown.takeFirst().first().toString(), QStringLiteral("4:59"));
        time.pass(4 * 60 + 58);
        timer.update();
        QCOMPARE(shown.takeFirst().first().toString(), QStringLiteral("0:01"));
        QVERIFY(finished.isEmpty());
        time.pass(1);
        timer.update();
        QCOMPARE(shown.takeFirst().first().toString(), QStringLiteral("0:00"));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!timer.isRunning());
        time.pass(5);
        timer.update();
        QCOMPARE(finished.count(), 1);  // finished once
        timer.stop();
        QCOMPARE(shown.takeFirst().first().toString(), QString());  // the wall hides it
    }

    void activityTimerStopsAndRestarts()
    {
        FakeTime time;
        ActivityTimer timer(nullptr, time.source());
        QSignalSpy shown(&timer, &ActivityTimer::textChanged);
        QSignalSpy finished(&timer, &ActivityTimer::finished);
        timer.start(90);
        time.pass(30);
        timer.start(0);  // the console's Stop
        QCOMPARE(shown.last().first().toString(), QString());
        QVERIFY(!timer.isRunning());
        time.pass(120);
        timer.update();
        QVERIFY(finished.isEmpty());  // a stopped timer never finishes
        timer.start(3600 + 60);
        QCOMPARE(timer.text(), QStringLiteral("1:01:00"));
    }

    void activityTimerRunsOnRealTime()
    {
        // The real source and the timer's own ticks, once: a second takes a second.
        ActivityTimer timer;
        QSignalSpy finished(&timer, &ActivityTimer::finished);
        timer.start(1);
        QCOMPARE(timer.text(), QStringLiteral("0:01"));
        QVERIFY(finished.wait(3000));
        QCOMPARE(timer.text(), QString());
    }
};

QTEST_GUILESS_MAIN(TestPresentationClock)
#include "tst_presentation_clock.moc"
