#include "TestProcess.h"
#include "VirtualScreen.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Reading with the keyboard only, as a learner or a facilitator with a presentation
// clicker does: the real app on screens of real laptop and monitor sizes, keys typed as
// X key events (so they go wherever the focus really is), and where the reader stands
// read from the window title, as a screen reader reads it.
class TestKeyboardReading : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pageDownWalksAWholeModule_data();
    void pageDownWalksAWholeModule();
    void arrowsWalkTheWholeContentsTree();
    void pagingGoesOnAfterEveryKindOfPageTurn();

private:
    struct Page {
        QString id;
        QString title;
    };
    struct Module {
        QString title;
        QVector<Page> pages;
    };

    // Starts the app on the bundled course, on its first page, with the given zoom;
    // returns its window id once the first page shows.
    QString start(VirtualScreen &screen, double zoom);
    QString pageTitle(const VirtualScreen &screen, const QString &window) const;
    bool waitForPage(const VirtualScreen &screen, const QString &window, const QString &title, int milliseconds = 20000) const;

    QVector<Module> m_modules;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QProcess> m_app;
};

void TestKeyboardReading::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("Xvfb")).isEmpty())
        QSKIP("xdotool and Xvfb are needed (scripts/dev test installs them)");
    const TestProcess::Result list = TestProcess::run(QStringLiteral(COURSEBOOK_APP_PATH),
        {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--list")});
    QCOMPARE(list.exitCode, 0);
    for (const QJsonValue &module : QJsonDocument::fromJson(list.out.toUtf8()).object().value(QLatin1String("modules")).toArray()) {
        Module m{module[QLatin1String("title")].toString(), {}};
        for (const QJsonValue &page : module[QLatin1String("pages")].toArray())
            m.pages.append({page[QLatin1String("id")].toString(), page[QLatin1String("title")].toString()});
        m_modules.append(m);
    }
    QVERIFY(m_modules.size() >= 5);
    QVERIFY(m_modules.first().pages.size() >= 4);
}

QString TestKeyboardReading::start(VirtualScreen &screen, double zoom)
{
    if (m_app) {
        m_app->terminate();
        m_app->waitForFinished(10000);
    }
    m_home = std::make_unique<QTemporaryDir>();
    const QString config = m_home->filePath(QStringLiteral("config/coursebook"));
    QDir().mkpath(config);
    QFile settings(config + QStringLiteral("/coursebook.conf"));
    if (!settings.open(QIODevice::WriteOnly))
        return QString();
    settings.write(QStringLiteral("[view]\nzoom=%1\n").arg(zoom).toUtf8());
    settings.close();

    m_app = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), screen.display());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    m_app->setProcessEnvironment(environment);
    m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_app->setStandardOutputFile(QProcess::nullDevice());
    m_app->start(QStringLiteral(COURSEBOOK_APP_PATH),
                 {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                  m_home->filePath(QStringLiteral("data")), QStringLiteral("--page"), m_modules.first().pages.first().id});
    if (!m_app->waitForStarted())
        return QString();
    // Generous: a first start of the web engine on a loaded CI machine can be slow.
    QString window;
    const QString first = QRegularExpression::escape(m_modules.first().pages.first().title);
    for (QDeadlineTimer deadline(90000); window.isEmpty() && !deadline.hasExpired(); QTest::qWait(200)) {
        window = screen.xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), first})
                     .section(QLatin1Char('\n'), 0, 0);
    }
    if (window.isEmpty())
        return QString();
    screen.xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
    QTest::qWait(1500);  // the page paints and is measured
    return window;
}

QString TestKeyboardReading::pageTitle(const VirtualScreen &screen, const QString &window) const
{
    // "Page – Course – Coursebook"
    return screen.xdotool({QStringLiteral("getwindowname"), window}).section(QStringLiteral(" – "), 0, 0);
}

bool TestKeyboardReading::waitForPage(const VirtualScreen &screen, const QString &window, const QString &title, int milliseconds) const
{
    QDeadlineTimer deadline(milliseconds);
    while (!deadline.hasExpired()) {
        if (pageTitle(screen, window) == title)
            return true;
        QTest::qWait(50);
    }
    return false;
}

void TestKeyboardReading::pageDownWalksAWholeModule_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<double>("zoom");
    for (const QSize size : {QSize(1024, 768), QSize(1366, 768), QSize(1920, 1080)}) {
        for (const double zoom : {1.0, 1.5}) {
            QTest::addRow("%dx%d at %d%%", size.width(), size.height(), int(zoom * 100)) << size << zoom;
        }
    }
}

void TestKeyboardReading::pageDownWalksAWholeModule()
{
    QFETCH(QSize, screen);
    QFETCH(double, zoom);
    VirtualScreen display(screen);
    QVERIFY(display.isRunning());
    const QString window = start(display, zoom);
    QVERIFY(!window.isEmpty());

    // Only Page Down, at a clicker's pace: every page scrolls to its end, then turns.
    const QVector<Page> pages = m_modules.first().pages;
    qsizetype reached = 0;
    for (int press = 0; press < 600 && reached + 1 < pages.size(); ++press) {
        display.xdotool({QStringLiteral("key"), QStringLiteral("Next")});
        QTest::qWait(120);
        const QString now = pageTitle(display, window);
        if (now == pages[reached + 1].title) {
            ++reached;
            QTest::qWait(500);  // the new page paints
        } else {
            QVERIFY2(now == pages[reached].title, qPrintable(QStringLiteral("jumped from \"%1\" to \"%2\"").arg(pages[reached].title, now)));
        }
    }
    QVERIFY2(reached + 1 == pages.size(), qPrintable(QStringLiteral("stuck on \"%1\"").arg(pages[reached].title)));
}

void TestKeyboardReading::arrowsWalkTheWholeContentsTree()
{
    VirtualScreen display(QSize(1366, 768));
    QVERIFY(display.isRunning());
    const QString window = start(display, 1.0);
    QVERIFY(!window.isEmpty());

    // Shift+F6 goes from the page back to the contents; each Down then opens the next entry
    // (a module opens its first page) and the contents keep the keyboard for the next Down.
    display.xdotool({QStringLiteral("key"), QStringLiteral("shift+F6")});
    QStringList expected;
    for (const Module &module : std::as_const(m_modules)) {
        expected << module.pages.first().title;  // the module's own entry
        for (const Page &page : module.pages)
            expected << page.title;
    }
    for (qsizetype i = 2; i < expected.size(); ++i) {  // entry 1 (the first page) is open
        display.xdotool({QStringLiteral("key"), QStringLiteral("Down")});
        QVERIFY2(waitForPage(display, window, expected[i]),
                 qPrintable(QStringLiteral("entry %1: expected \"%2\", showing \"%3\"").arg(i).arg(expected[i], pageTitle(display, window))));
    }
    display.xdotool({QStringLiteral("key"), QStringLiteral("Up")});
    QVERIFY(waitForPage(display, window, expected[expected.size() - 2]));
}

void TestKeyboardReading::pagingGoesOnAfterEveryKindOfPageTurn()
{
    VirtualScreen display(QSize(1366, 768));
    QVERIFY(display.isRunning());
    const QString window = start(display, 1.0);
    QVERIFY(!window.isEmpty());
    const QVector<Page> pages = m_modules.first().pages;
    const auto pageDownUntil = [&](const QString &title) {
        for (int press = 0; press < 200 && pageTitle(display, window) != title; ++press) {
            display.xdotool({QStringLiteral("key"), QStringLiteral("Next")});
            QTest::qWait(120);
        }
        return waitForPage(display, window, title, 3000);
    };

    // The panes go round with F6: page, Workbook, Notes, contents. In the contents, Page Down
    // still pages the reading view (a clicker's key), never a screenful of titles.
    for (int press = 0; press < 3; ++press)
        display.xdotool({QStringLiteral("key"), QStringLiteral("F6")});
    display.xdotool({QStringLiteral("key"), QStringLiteral("Next")});
    QTest::qWait(500);
    QCOMPARE(pageTitle(display, window), pages[0].title);
    QVERIFY(pageDownUntil(pages[1].title));
    QCOMPARE(pageTitle(display, window), pages[1].title);

    // Alt+Right turns the page; Page Down then keeps going without a click.
    display.xdotool({QStringLiteral("key"), QStringLiteral("F6")});  // round to the page again
    display.xdotool({QStringLiteral("key"), QStringLiteral("alt+Right")});
    QVERIFY(waitForPage(display, window, pages[2].title));
    QVERIFY(pageDownUntil(pages[3].title));

    // Page Up at the top of a page goes back, and paging on works from there too.
    display.xdotool({QStringLiteral("key"), QStringLiteral("Prior")});
    QVERIFY(waitForPage(display, window, pages[2].title, 5000));
    QTest::qWait(500);
    display.xdotool({QStringLiteral("key"), QStringLiteral("alt+Left")});
    QVERIFY(waitForPage(display, window, pages[1].title));
    QVERIFY(pageDownUntil(pages[2].title));
}

QTEST_GUILESS_MAIN(TestKeyboardReading)
#include "tst_gui_keyboard_reading.moc"
