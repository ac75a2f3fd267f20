#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The promise the workbook exists for: words typed are on disk a second later, whatever
// happens to the app. The real app runs in its own process, a person's keystrokes come
// from xdotool, and the process dies by SIGKILL, with no chance to save anything.
class TestCrashRecovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typedWordsSurviveSigkill();

private:
    void typeThenKill(const QString &activityId, const QString &pageTitle, const QStringList &keys);
    QString xdotool(const QStringList &arguments);

    QTemporaryDir m_home;
    QString m_xdotool;
};

void TestCrashRecovery::initTestCase()
{
    m_xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    if (m_xdotool.isEmpty())
        QSKIP("xdotool is not installed (scripts/dev test installs it)");
    QVERIFY(qEnvironmentVariableIsSet("DISPLAY"));
}

QString TestCrashRecovery::xdotool(const QStringList &arguments)
{
    QProcess process;
    process.start(m_xdotool, arguments);
    // Bounded, and said: a step that hangs shows in the log instead of timing the suite out.
    if (!process.waitForFinished(10000))
        qWarning().noquote() << "xdotool" << arguments.join(QLatin1Char(' ')) << "did not finish in 10 s";
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// keys: plain strings are typed; "<Tab>"-style entries are key names.
void TestCrashRecovery::typeThenKill(const QString &activityId, const QString &pageTitle, const QStringList &keys)
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(COURSEBOOK_APP_PATH),
              {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
               m_home.filePath(QStringLiteral("data")), QStringLiteral("--activity"), activityId});
    QVERIFY(app.waitForStarted());
    QElapsedTimer clock;
    clock.start();

    // Ready when a visible window shows the activity's page (its title leads the window
    // title) and the app has had a moment to put the cursor in the activity's editor.
    // Generous: a first start of the web engine on a loaded CI machine can be slow.
    const QStringList search{QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), pageTitle};
    QString window;
    for (QDeadlineTimer deadline(120000); window.isEmpty() && !deadline.hasExpired() && app.state() == QProcess::Running;
         QTest::qWait(200))
        window = xdotool(search).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(!window.isEmpty(), qPrintable(QStringLiteral("no visible window named \"%1\" after %2 ms (app %3)")
                                               .arg(pageTitle)
                                               .arg(clock.elapsed())
                                               .arg(app.state() == QProcess::Running ? QStringLiteral("running") : QStringLiteral("gone"))));
    qInfo("window after %lld ms", qint64(clock.elapsed()));
    QTest::qWait(3000);
    xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
    qInfo("focused after %lld ms", qint64(clock.elapsed()));
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1Char('<')))
            xdotool({QStringLiteral("key"), key.mid(1, key.size() - 2)});
        else
            xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("40"), key});
        QTest::qWait(100);
    }
    QTest::qWait(1000);
    qInfo("typed after %lld ms", qint64(clock.elapsed()));
    app.kill();  // SIGKILL
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
}

void TestCrashRecovery::typedWordsSurviveSigkill()
{
    // The KWL: the experience field, a finished cell, and a cell still open when the app dies.
    typeThenKill(QStringLiteral("kwl-course"), QStringLiteral("Welcome to the Course"),
                 {QStringLiteral("Ran a zine club, 2019!"), QStringLiteral("<Tab>"), QStringLiteral("Teens lead; adults follow"),
                  QStringLiteral("<Tab>"), QStringLiteral("How to start small?")});
    if (QTest::currentTestFailed())
        return;  // the helper's failure already said why
    typeThenKill(QStringLiteral("reflect-mistake"), QStringLiteral("Iteration and Mistakes in Practice"),
                 {QStringLiteral("A flop taught me timing: Fridays at 4 are (always) empty.")});
    if (QTest::currentTestFailed())
        return;

    // Started again, the app gives back every character.
    QProcess again;
    const QString exported = m_home.filePath(QStringLiteral("answers.json"));
    again.start(QStringLiteral(COURSEBOOK_APP_PATH),
                {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                 m_home.filePath(QStringLiteral("data")), QStringLiteral("--export-answers"), exported});
    QVERIFY(again.waitForFinished(60000));
    QCOMPARE(again.exitCode(), 0);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray answers = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("answers")).toArray();
    QJsonObject kwl, reflection;
    for (const QJsonValue &answer : answers) {
        const QString id = answer.toObject().value(QStringLiteral("activity")).toString();
        if (id == QLatin1String("kwl-course"))
            kwl = answer.toObject().value(QStringLiteral("value")).toObject();
        if (id == QLatin1String("reflect-mistake"))
            reflection = answer.toObject().value(QStringLiteral("value")).toObject();
    }
    QCOMPARE(kwl.value(QStringLiteral("experience")).toString(), QStringLiteral("Ran a zine club, 2019!"));
    const QJsonObject row = kwl.value(QStringLiteral("rows")).toArray().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("know")).toString(), QStringLiteral("Teens lead; adults follow"));
    QCOMPARE(row.value(QStringLiteral("want")).toString(), QStringLiteral("How to start small?"));
    QCOMPARE(reflection.value(QStringLiteral("text")).toString(), QStringLiteral("A flop taught me timing: Fridays at 4 are (always) empty."));
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_gui_crash_recovery.moc"
