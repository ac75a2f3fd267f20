// Tests for ScreenSaverInhibitor against a real D-Bus session (the suite runs under
// dbus-run-session) and a stand-in org.freedesktop.ScreenSaver registered on it from a
// connection of its own, as a desktop's screen saver would be.

#include "ScreenSaverInhibitor.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
// What a desktop's screen saver does with Inhibit and UnInhibit, and a record of the calls.
class FakeScreenSaver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")
public:
    QStringList calls;
    QSet<uint> active;

public slots:
    uint Inhibit(const QString &application, const QString &reason)
    {
        const uint cookie = m_next++;
        calls << QStringLiteral("Inhibit %1 %2 -> %3").arg(application, reason).arg(cookie);
        active.insert(cookie);
        return cookie;
    }
    void UnInhibit(uint cookie)
    {
        calls << QStringLiteral("UnInhibit %1").arg(cookie);
        active.remove(cookie);
    }

private:
    uint m_next = 4711;
};

const QString kService = QStringLiteral("org.freedesktop.ScreenSaver");
}  // namespace

class TestScreenSaverInhibitor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("coursebook"));
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
    }

    void quietlyNothingWithoutAScreenSaver()
    {
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
        ScreenSaverInhibitor inhibitor;
        QSignalSpy changed(&inhibitor, &ScreenSaverInhibitor::inhibitedChanged);
        inhibitor.inhibit(QStringLiteral("Presenting"));
        QVERIFY(!changed.wait(1000));  // the bus's "no such service" comes and is let go
        QVERIFY(!inhibitor.isInhibited());
        inhibitor.release();
    }

    void inhibitsWhilePresentingAndReleasesTheSameCookie()
    {
        FakeScreenSaver saver;
        QDBusConnection desktop = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("desktop"));
        QVERIFY(desktop.registerObject(QStringLiteral("/org/freedesktop/ScreenSaver"), &saver, QDBusConnection::ExportAllSlots));
        QVERIFY(desktop.registerService(kService));
        const auto cleanup = qScopeGuard([&] {
            desktop.unregisterService(kService);
            desktop.unregisterObject(QStringLiteral("/org/freedesktop/ScreenSaver"));
            QDBusConnection::disconnectFromBus(QStringLiteral("desktop"));
        });

        ScreenSaverInhibitor inhibitor;
        QSignalSpy changed(&inhibitor, &ScreenSaverInhibitor::inhibitedChanged);
        inhibitor.inhibit(QStringLiteral("Presenting a course"));
        QVERIFY(changed.wait(5000));
        QVERIFY(inhibitor.isInhibited());
        QCOMPARE(saver.calls, QStringList{QStringLiteral("Inhibit coursebook Presenting a course -> 4711")});
        inhibitor.inhibit(QStringLiteral("Presenting a course"));  // already: no second inhibition
        inhibitor.release();
        QVERIFY(!inhibitor.isInhibited());
        QTRY_VERIFY(saver.active.isEmpty());
        QCOMPARE(saver.calls.last(), QStringLiteral("UnInhibit 4711"));
        QCOMPARE(saver.calls.size(), 2);

        // Presenting again, then the window closes while presenting.
        {
            ScreenSaverInhibitor again;
            QSignalSpy inhibited(&again, &ScreenSaverInhibitor::inhibitedChanged);
            again.inhibit(QStringLiteral("Presenting a course"));
            QVERIFY(inhibited.wait(5000));
            QCOMPARE(saver.active, QSet<uint>{4712});
        }
        QTRY_VERIFY(saver.active.isEmpty());
        QCOMPARE(saver.calls.last(), QStringLiteral("UnInhibit 4712"));

        // Released before the screen saver answered: the cookie that comes is handed back.
        ScreenSaverInhibitor hasty;
        hasty.inhibit(QStringLiteral("Presenting a course"));
        hasty.release();
        QTRY_COMPARE(saver.calls.last(), QStringLiteral("UnInhibit 4713"));
        QVERIFY(saver.active.isEmpty());
        QVERIFY(!hasty.isInhibited());
    }
};

QTEST_GUILESS_MAIN(TestScreenSaverInhibitor)
#include "tst_screen_saver_inhibitor.moc"
