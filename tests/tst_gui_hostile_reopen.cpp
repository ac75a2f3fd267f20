// The app reopens the course it showed last. Once that course holds a page that used to
// crash every start (a looping YAML alias, a FIFO, a link to /dev/zero, …), the window must
// still open on it, paint a page and keep the course: no crash loop.
#include "HostileCourse.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class TestGuiHostileReopen : public QObject
{
    Q_OBJECT

private slots:
    void reopensTheLastCourseWhateverItHolds_data();
    void reopensTheLastCourseWhateverItHolds();

private:
    QTemporaryDir m_tmp;
};

void TestGuiHostileReopen::reopensTheLastCourseWhateverItHolds_data()
{
    QTest::addColumn<QString>("lastPage");
    // The page shown last is the first shown again: each of the worst pages in turn.
    QTest::newRow("alias loop") << QStringLiteral("bad/yaml-loop");
    QTest::newRow("alias bomb") << QStringLiteral("bad/yaml-bomb");
    QTest::newRow("include bomb") << QStringLiteral("bad/include-bomb");
    QTest::newRow("deep nesting") << QStringLiteral("bad/deep");
    QTest::newRow("fifo") << QStringLiteral("bad/fifo");
}

void TestGuiHostileReopen::reopensTheLastCourseWhateverItHolds()
{
    QFETCH(QString, lastPage);
    QVERIFY(m_tmp.isValid());
    const QString home = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    const HostileCourse::Paths paths = HostileCourse::create(home);
    QVERIFY(!paths.course.isEmpty());
    const QString config = home + QStringLiteral("/config");
    {
        QSettings settings(config + QStringLiteral("/coursebook/coursebook.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("course/last"), paths.course);
        settings.setValue(QStringLiteral("course/hostile-course/lastPage"), lastPage);
    }

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    app.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    app.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--first-paint")});
    QVERIFY(app.waitForStarted());
    if (!app.waitForFinished(90'000))
        app.kill();
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("crashed or hung after %1 ms:\n").arg(timer.elapsed()) + err));
    QCOMPARE(app.exitCode(), 0);
    bool painted = false;
    const double ms = QString::fromUtf8(app.readAllStandardOutput()).trimmed().toDouble(&painted);
    QVERIFY2(painted, qPrintable(err));
    qInfo("first paint of the hostile course at %s: %.0f ms", qPrintable(lastPage), ms);

    // The window kept the hostile course rather than falling back to the bundled one.
    QSettings settings(config + QStringLiteral("/coursebook/coursebook.conf"), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("course/last")).toString(), paths.course);
}

QTEST_GUILESS_MAIN(TestGuiHostileReopen)
#include "tst_gui_hostile_reopen.moc"
