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
    void startApp(QProcess &app, const QString &activityId);
    QString waitForPage(QProcess &app, const QString &pageTitle, int milliseconds);
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

void TestCrashRecovery::startApp(QProcess &app, const QString &activityId)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("coursebook.ui.debug=true"));  // its page loads, in the log
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(COURSEBOOK_APP_PATH),
              {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
               m_home.filePath(QStringLiteral("data")), QStringLiteral("--activity"), activityId});
}

// The app's visible window once it shows the page (whose title leads the window title), or
// empty; then the log says which windows the screen holds instead.
QString TestCrashRecovery::waitForPage(QProcess &app, const QString &pageTitle, int milliseconds)
{
    QElapsedTimer clock;
    clock.start();
    const QStringList search{QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--pid"),
                             QString::number(app.processId())};
    for (QDeadlineTimer deadline(milliseconds); !deadline.hasExpired() && app.state() == QProcess::Running; QTest::qWait(200)) {
        for (const QString &window : xdotool(search).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (xdotool({QStringLiteral("getwindowname"), window}).startsWith(pageTitle)) {
                qInfo("window after %lld ms", qint64(clock.elapsed()));
                return window;
            }
        }
    }
    qWarning().noquote() << "no visible window showing" << pageTitle << "after" << clock.elapsed() << "ms; the app is"
                         << (app.state() == QProcess::Running ? "running" : "gone") << "and the screen holds:";
    const QStringList all{QStringLiteral("search"), QStringLiteral("--name"), QString()};
    const QStringList visible = xdotool({all[0], QStringLiteral("--onlyvisible"), all[1], all[2]}).split(QLatin1Char('\n'));
    for (const QString &window : xdotool(all).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        qWarning().noquote() << " " << window << "pid" << xdotool({QStringLiteral("getwindowpid"), window})
                             << (visible.contains(window) ? "visible" : "hidden") << "named"
                             << xdotool({QStringLiteral("getwindowname"), window});
    return QString();
}

// keys: plain strings are typed; "<Tab>"-style entries are key names.
void TestCrashRecovery::typeThenKill(const QString &activityId, const QString &pageTitle, const QStringList &keys)
{
    QProcess app;
    startApp(app, activityId);
    QVERIFY(app.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    // Generous: a first start of the web engine on a loaded CI machine can be slow. A start
    // that never shows its page (seen twice in CI, never here) is said and tried once more:
    // what this test guards is the typed words, and nothing is typed yet.
    QString window = waitForPage(app, pageTitle, 60000);
    if (window.isEmpty()) {
        qWarning("the first start showed no page; starting again");
        app.kill();
        app.waitForFinished(10000);
        startApp(app, activityId);
        QVERIFY(app.waitForStarted());
        window = waitForPage(app, pageTitle, 60000);
    }
    QVERIFY2(!window.isEmpty(), qPrintable(QStringLiteral("no visible window showing \"%1\"").arg(pageTitle)));
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
