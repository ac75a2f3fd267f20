#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "OfflineWebProfile.h"
#include "RequestBlocker.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

// What keeps course pages offline and inside their folder, tested in the real web engine.
class TestWebIsolation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void servesRenderedPages();
    void refusesFilesOutsideTheCourse();
    void blocksRemoteRequests();
    void pageScriptsDoNotRun();
    void externalLinkOpensOnlyOnClick();
    void courseLinkNavigatesInTheView();
    void activityCardLinksReachTheApp();

private:
    bool load(CourseWebPage &page, const QUrl &url);
    QString plainText(CourseWebPage &page);
    QString runInApplicationWorld(CourseWebPage &page, const QString &script);
    static void write(const QString &path, const QByteArray &data);

    QTemporaryDir m_dir;
    QString m_root;
    QTcpServer m_server;
    OfflineWebProfile *m_profile = nullptr;
};

void TestWebIsolation::write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void TestWebIsolation::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    const QByteArray port = QByteArray::number(m_server.serverPort());
    m_root = QDir(m_dir.path()).canonicalPath() + QStringLiteral("/course");
    write(m_dir.path() + QStringLiteral("/secret.txt"), "TOP SECRET");
    write(m_root + QStringLiteral("/_data/course.yml"), "title: Isolation\nmodules: [m]\n");
    write(m_root + QStringLiteral("/img/ok.txt"), "inside the course");
    QVERIFY(QFile::link(m_dir.path() + QStringLiteral("/secret.txt"), m_root + QStringLiteral("/img/leak.txt")));
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-01-first.md"),
          "---\ntitle: First Page\n---\nHello from the first page.\n\n[next](/modules/m/second/) "
          "[web](https://example.org/docs)\n\n"
          // A style attribute slips past the renderer's element rules: CSP and the blocker stop it.
          "<div style=\"background-image:url(http://127.0.0.1:" + port + "/bg.png);height:20px\">styled</div>\n\n"
          "<div class=\"reflection\" id=\"r1\" markdown=\"1\">\n**Think**\n\nWhat now?\n</div>\n");
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-02-second.md"), "---\ntitle: Second Page\n---\nThe second page.\n");
    // Style attributes reach the scheme handler unchanged by the renderer, so this page
    // asks the handler itself for files outside the course.
    QByteArray probes = "---\ntitle: Probe\n---\n";
    for (const char *url : {"course:/file/%2E%2E/secret.txt", "course:/file/img%2F..%2F..%2Fsecret.txt",
                            "course:/file//etc/passwd", "course:/file/img/leak.txt", "course:/etc/passwd"})
        probes += QByteArray("<div style=\"height:5px;background-image:url('") + url + "')\"></div>\n";
    probes += "<div style=\"height:5px;background-image:url('course:/file/img/ok.txt')\"></div>\n";
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-03-probe.md"), probes);

    m_profile = new OfflineWebProfile(this);
    const Course course = CourseLoader::load(m_root);
    QCOMPARE(course.pageCount(), 3);
    m_profile->schemeHandler()->setCourse(std::make_shared<const Course>(course));
}

bool TestWebIsolation::load(CourseWebPage &page, const QUrl &url)
{
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.load(url);
    if (!finished.wait(30000))
        return false;
    return finished.first().first().toBool();
}

QString TestWebIsolation::plainText(CourseWebPage &page)
{
    QString text;
    bool done = false;
    page.toPlainText([&](const QString &t) { text = t; done = true; });
    return QTest::qWaitFor([&] { return done; }, 10000) ? text : QStringLiteral("<no answer from the page>");
}

QString TestWebIsolation::runInApplicationWorld(CourseWebPage &page, const QString &script)
{
    QVariant result;
    bool done = false;
    page.runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &r) { result = r; done = true; });
    return QTest::qWaitFor([&] { return done; }, 10000) ? result.toString() : QStringLiteral("<no answer from the page>");
}

void TestWebIsolation::servesRenderedPages()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/first"))));
    QCOMPARE(page.title(), QStringLiteral("First Page"));
    QVERIFY(plainText(page).contains(QStringLiteral("Hello from the first page.")));
    // The app's stylesheet arrived through the scheme handler.
    QCOMPARE(runInApplicationWorld(page, QStringLiteral("String(document.styleSheets[0].cssRules.length > 10)")),
             QStringLiteral("true"));
    // Files are for pages to use, not to navigate to: a click opens them in the desktop's program.
    QVERIFY(!load(page, CourseUrl::file(QStringLiteral("img/ok.txt"))));
}

void TestWebIsolation::refusesFilesOutsideTheCourse()
{
    CourseWebPage page(m_profile);
    QSignalSpy refused(m_profile->schemeHandler(), &CourseSchemeHandler::requestRefused);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/probe"))));
    // Five requests leave the course; the sixth, inside it, is served.
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 5, 10000);
    QTest::qWait(300);
    QCOMPARE(refused.count(), 5);
    for (const QList<QVariant> &call : refused)
        QVERIFY2(!call.at(0).toUrl().toString().endsWith(QLatin1String("img/ok.txt")), qPrintable(call.at(0).toUrl().toString()));
    QVERIFY(!plainText(page).contains(QStringLiteral("TOP SECRET")));
}

void TestWebIsolation::blocksRemoteRequests()
{
    const int before = int(m_profile->requestBlocker()->blocked().size());
    // Raw HTML with no CSP at all in the same profile: only the request blocker stands
    // between it and the network.
    QWebEnginePage page(m_profile);
    const QString remote = QStringLiteral("http://127.0.0.1:%1/remote.png").arg(m_server.serverPort());
    QSignalSpy blocked(m_profile->requestBlocker(), &RequestBlocker::requestBlocked);
    page.setHtml(QStringLiteral("<p>raw</p><img src=\"%1\"><link rel=stylesheet href=\"https://example.org/x.css\">").arg(remote));
    QTRY_VERIFY_WITH_TIMEOUT(m_profile->requestBlocker()->blocked().contains(QUrl(remote)), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_profile->requestBlocker()->blocked().contains(QUrl(QStringLiteral("https://example.org/x.css"))), 15000);
    QTest::qWait(500);
    QVERIFY(!m_server.hasPendingConnections());
    QVERIFY(m_profile->requestBlocker()->blocked().size() > before);
}

void TestWebIsolation::pageScriptsDoNotRun()
{
    QWebEnginePage page(m_profile);  // a plain page: the profile alone must keep scripts off
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<title>before</title><script>document.title = 'script ran'</script>"
                                "<img src=x onerror=\"document.title='handler ran'\">"),
                 CourseUrl::page(QStringLiteral("m/raw")));
    QVERIFY(finished.wait(15000));
    QTest::qWait(300);
    QCOMPARE(page.title(), QStringLiteral("before"));
}

void TestWebIsolation::externalLinkOpensOnlyOnClick()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/first"))));
    QSignalSpy external(&page, &CourseWebPage::externalLinkClicked);
    // Loading a web address programmatically is refused outright, with no browser opened.
    page.load(QUrl(QStringLiteral("https://example.org/")));
    QTest::qWait(500);
    QCOMPARE(external.count(), 0);
    QCOMPARE(page.url(), CourseUrl::page(QStringLiteral("m/first")));
    runInApplicationWorld(page, QStringLiteral("document.querySelector('a.external').click(); 'ok'"));
    QTRY_COMPARE_WITH_TIMEOUT(external.count(), 1, 10000);
    QCOMPARE(external.first().first().toUrl(), QUrl(QStringLiteral("https://example.org/docs")));
    QCOMPARE(page.url(), CourseUrl::page(QStringLiteral("m/first")));
    QVERIFY(!m_server.hasPendingConnections());
}

void TestWebIsolation::courseLinkNavigatesInTheView()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/first"))));
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    runInApplicationWorld(page, QStringLiteral("document.querySelector('a[href^=\"course:\"]').click(); 'ok'"));
    QVERIFY(finished.wait(15000));
    QCOMPARE(page.url(), CourseUrl::page(QStringLiteral("m/second")));
    QCOMPARE(page.title(), QStringLiteral("Second Page"));
}

void TestWebIsolation::activityCardLinksReachTheApp()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/first"))));
    QSignalSpy open(&page, &CourseWebPage::activityClicked);
    QSignalSpy exported(&page, &CourseWebPage::activityExportClicked);
    runInApplicationWorld(page, QStringLiteral("document.querySelector('a.activity-open').click(); 'ok'"));
    QTRY_COMPARE_WITH_TIMEOUT(open.count(), 1, 10000);
    QCOMPARE(open.first().first().toString(), QStringLiteral("r1"));
    runInApplicationWorld(page, QStringLiteral("document.querySelector('a.activity-export').click(); 'ok'"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
    QCOMPARE(exported.first().first().toString(), QStringLiteral("r1"));
    QCOMPARE(open.count(), 1);
    QCOMPARE(page.url(), CourseUrl::page(QStringLiteral("m/first")));  // neither leaves the page
}

int main(int argc, char *argv[])
{
    CourseSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    TestWebIsolation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_web_isolation.moc"
