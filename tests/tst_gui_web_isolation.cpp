#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "OfflineWebProfile.h"
#include "RequestBlocker.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineFindTextResult>
#include <QWebEngineScript>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineUrlSchemeHandler>

namespace {

const char kSecret[] = "TOP SECRET";
const char kInside[] = "inside the course";
// A scheme the engine would serve if the blocker let it through (as the app's profile
// never would): its handler answers with the secret and counts every request it gets.
const QByteArray kProbeScheme = "probe";

class ProbeSchemeHandler : public QWebEngineUrlSchemeHandler
{
public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        ++served;
        auto *buffer = new QBuffer(job);
        buffer->setData(kSecret);
        job->reply("text/plain", buffer);
    }
    int served = 0;
};

// A page's own interceptor runs after the profile's and only sees what the profile's let
// through: whatever it records got past the request blocker.
class PassedRequests : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override { urls << info.requestUrl(); }
    QVector<QUrl> urls;
};

}  // namespace

// What keeps course pages offline and inside their folder, tested in the real web engine.
class TestWebIsolation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void servesRenderedPages();
    void refusesFilesOutsideTheCourse();
    void blocksRemoteRequests();
    void blockerAllowsOnlyTheCourse_data();
    void blockerAllowsOnlyTheCourse();
    void blocksEveryOtherScheme();
    void secretNeverReachesThePageText();
    void pageScriptsDoNotRun();
    void externalLinkOpensOnlyOnClick();
    void courseLinkNavigatesInTheView();
    void activityCardLinksReachTheApp();

private:
    bool load(QWebEnginePage &page, const QUrl &url);
    QString plainText(CourseWebPage &page);
    static int matches(QWebEnginePage &page, const QString &text);
    QString runInApplicationWorld(QWebEnginePage &page, const QString &script);
    static void write(const QString &path, const QByteArray &data);

    QTemporaryDir m_dir;
    QString m_root;
    QTcpServer m_server;
    OfflineWebProfile *m_profile = nullptr;
    ProbeSchemeHandler *m_probe = nullptr;
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
    write(m_dir.path() + QStringLiteral("/secret.txt"), kSecret);
    write(m_root + QStringLiteral("/_data/course.yml"), "title: Isolation\nmodules: [m]\n");
    write(m_root + QStringLiteral("/img/ok.txt"), kInside);
    QVERIFY(QFile::link(m_dir.path() + QStringLiteral("/secret.txt"), m_root + QStringLiteral("/img/leak.txt")));
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-01-first.md"),
          "---\ntitle: First Page\n---\nHello from the first page.\n\n[next](/modules/m/second/) "
          "[web](https://example.org/docs)\n\n"
          // A style attribute slips past the renderer's element rules: CSP and the blocker stop it.
          "<div style=\"background-image:url(http://127.0.0.1:" + port + "/bg.png);height:20px\">styled</div>\n\n"
          "<div class=\"reflection\" id=\"r1\" markdown=\"1\">\n**Think**\n\nWhat now?\n</div>\n");
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-02-second.md"), "---\ntitle: Second Page\n---\nThe second page.\n");
    write(m_root + QStringLiteral("/modules/m/_posts/2020-01-03-probe.md"), "---\ntitle: Probe\n---\nProbes go here.\n");

    m_profile = new OfflineWebProfile(this);
    m_probe = new ProbeSchemeHandler(this);
    m_profile->installUrlSchemeHandler(kProbeScheme, m_probe);
    const Course course = CourseLoader::load(m_root);
    QCOMPARE(course.pageCount(), 4);  // and the generated home
    m_profile->schemeHandler()->setCourse(std::make_shared<const Course>(course));
}

bool TestWebIsolation::load(QWebEnginePage &page, const QUrl &url)
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

// How many times `text` is in the page, its frames included (as Find in page counts).
int TestWebIsolation::matches(QWebEnginePage &page, const QString &text)
{
    int count = -1;
    page.findText(text, {}, [&](const QWebEngineFindTextResult &result) { count = result.numberOfMatches(); });
    return QTest::qWaitFor([&] { return count >= 0; }, 10000) ? count : -1;
}

QString TestWebIsolation::runInApplicationWorld(QWebEnginePage &page, const QString &script)
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
    // The renderer and its sanitizer let no such picture into a page: they are put in from
    // the app's world, so that the handler itself is asked for files outside the course.
    QString probes;
    for (const char *url : {"course://coursebook/file/%2E%2E/secret.txt", "course://coursebook/file/img%2F..%2F..%2Fsecret.txt",
                            "course://coursebook/file//etc/passwd", "course://coursebook/file/img/leak.txt", "course://coursebook/etc/passwd"})
        probes += QStringLiteral("<img src=\"%1\">").arg(QLatin1String(url));
    probes += QStringLiteral("<img src=\"course://coursebook/file/img/ok.txt\">");
    runInApplicationWorld(page, QStringLiteral("document.body.insertAdjacentHTML('beforeend', '%1')").arg(probes));
    // Five requests leave the course; the sixth, inside it, is served. Once every picture
    // has loaded or failed, the count is final.
    QTRY_COMPARE_WITH_TIMEOUT(runInApplicationWorld(page, QStringLiteral("String(Array.from(document.images).length == 6 && "
                                                                         "Array.from(document.images).every(i => i.complete))")),
                              QStringLiteral("true"), 10000);
    QCOMPARE(refused.count(), 5);
    for (const QList<QVariant> &call : refused)
        QVERIFY2(!call.at(0).toUrl().toString().endsWith(QLatin1String("img/ok.txt")), qPrintable(call.at(0).toUrl().toString()));
}

void TestWebIsolation::blocksRemoteRequests()
{
    const int before = int(m_profile->requestBlocker()->blocked().size());
    // Raw HTML with no CSP at all in the same profile: only the request blocker stands
    // between it and the network.
    QWebEnginePage page(m_profile);
    const QString remote = QStringLiteral("http://127.0.0.1:%1/remote.png").arg(m_server.serverPort());
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<p>raw</p><img src=\"%1\"><link rel=stylesheet href=\"https://example.org/x.css\">").arg(remote));
    QVERIFY(finished.wait(15000));  // the picture and the style sheet have been tried
    QTRY_VERIFY_WITH_TIMEOUT(m_profile->requestBlocker()->blocked().contains(QUrl(remote)), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_profile->requestBlocker()->blocked().contains(QUrl(QStringLiteral("https://example.org/x.css"))), 15000);
    QVERIFY(!m_server.hasPendingConnections());
    QVERIFY(m_profile->requestBlocker()->blocked().size() > before);
}

void TestWebIsolation::blockerAllowsOnlyTheCourse_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("course page") << CourseUrl::page(QStringLiteral("m/first")) << true;
    QTest::newRow("course file") << CourseUrl::file(QStringLiteral("img/ok.txt")) << true;
    QTest::newRow("inline data") << QUrl(QStringLiteral("data:text/plain,hello")) << true;
    QTest::newRow("http") << QUrl(QStringLiteral("http://127.0.0.1/x.png")) << false;
    QTest::newRow("https") << QUrl(QStringLiteral("https://example.org/x.css")) << false;
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd")) << false;
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.org/x.txt")) << false;
    QTest::newRow("ws") << QUrl(QStringLiteral("ws://127.0.0.1:8080/")) << false;
    QTest::newRow("wss") << QUrl(QStringLiteral("wss://example.org/")) << false;
    QTest::newRow("blob") << QUrl(QStringLiteral("blob:course://coursebook/0b4c2f3e-8f4b-4c9a-9d1e-1c2b3a4d5e6f")) << false;
    QTest::newRow("filesystem") << QUrl(QStringLiteral("filesystem:course://coursebook/temporary/x.txt")) << false;
    QTest::newRow("qrc") << QUrl(QStringLiteral("qrc:/resources/style.css")) << false;
    QTest::newRow("custom scheme") << QUrl(QStringLiteral("probe:/secret.txt")) << false;
    QTest::newRow("scheme that starts like course") << QUrl(QStringLiteral("courses:/file/x.txt")) << false;
    QTest::newRow("no scheme") << QUrl(QStringLiteral("//example.org/x.png")) << false;
}

// The decision the blocker takes for each request, URL by URL.
void TestWebIsolation::blockerAllowsOnlyTheCourse()
{
    QFETCH(QUrl, url);
    QFETCH(bool, allowed);
    QCOMPARE(RequestBlocker::allows(url), allowed);
}

// Raw HTML in the app's profile with no Content Security Policy and a course: address,
// which may read local files: only the request blocker stands between each reference and
// the file system, the network or another scheme's handler. Page scripts are off, so the
// references are elements; the app's own world opens a web socket and makes a blob.
void TestWebIsolation::blocksEveryOtherScheme()
{
    QWebEnginePage page(m_profile);
    PassedRequests passed;
    page.setUrlRequestInterceptor(&passed);
    const QString port = QString::number(m_server.serverPort());
    const QStringList references = {
        QUrl::fromLocalFile(m_dir.path() + QStringLiteral("/secret.txt")).toString(),
        QStringLiteral("ftp://127.0.0.1:%1/secret.txt").arg(port),
        QStringLiteral("filesystem:course://coursebook/temporary/secret.txt"),
        QStringLiteral("qrc:/resources/page.html"),
        QString::fromLatin1(kProbeScheme) + QStringLiteral(":/secret.txt"),
    };
    QString html = QStringLiteral("<p>raw</p><iframe src=\"%1\"></iframe>").arg(CourseUrl::file(QStringLiteral("img/ok.txt")).toString());
    for (const QString &url : references)
        html += QStringLiteral("<img src=\"%1\"><link rel=stylesheet href=\"%1\"><iframe src=\"%1\"></iframe>").arg(url);
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.setHtml(html, CourseUrl::page(QStringLiteral("m/raw")));
    QVERIFY(finished.wait(15000));  // after every frame and picture has loaded or failed
    // The course's own file, in the first frame, shows that a frame would have shown the others.
    QTRY_COMPARE_WITH_TIMEOUT(matches(page, QString::fromLatin1(kInside)), 1, 10000);
    const auto nothingGotThrough = [&] {
        for (const QUrl &url : std::as_const(passed.urls))
            QVERIFY2(RequestBlocker::allows(url), qPrintable(url.toString() + QStringLiteral(" got past the request blocker")));
        QCOMPARE(m_probe->served, 0);
        QVERIFY(!m_server.hasPendingConnections());
        QCOMPARE(matches(page, QString::fromLatin1(kSecret)), 0);
    };
    nothingGotThrough();
    if (QTest::currentTestFailed())
        return;

    const QString socket = QStringLiteral("ws://127.0.0.1:%1/").arg(port);
    runInApplicationWorld(page, QStringLiteral("window.probeSocket = new WebSocket('%1');"
                                               "const frame = document.createElement('iframe');"
                                               "frame.src = URL.createObjectURL(new Blob(['blob: %2'], {type: 'text/plain'}));"
                                               "document.body.appendChild(frame); 'ok'").arg(socket, QString::fromLatin1(kSecret)));
    // The socket closes once it is refused; an open (or still opening) one would mean it got through.
    QTRY_COMPARE_WITH_TIMEOUT(runInApplicationWorld(page, QStringLiteral("String(window.probeSocket.readyState)")),
                              QStringLiteral("3"), 15000);
    nothingGotThrough();
}

// Files a page could show as text, in frames: the secret beside the course folder, reached by
// every road out of it, never appears in the page; the course's own file does.
void TestWebIsolation::secretNeverReachesThePageText()
{
    const QString secret = m_dir.path() + QStringLiteral("/secret.txt");
    const QStringList outside = {
        QStringLiteral("course://coursebook/file/%2E%2E/secret.txt"),
        QStringLiteral("course://coursebook/file/img%2F..%2F..%2Fsecret.txt"),
        QStringLiteral("course://coursebook/file/") + secret,
        QStringLiteral("course://coursebook/file/img/leak.txt"),  // a symbolic link out of the course
        QUrl::fromLocalFile(secret).toString(),
    };
    // A plain page, not the reader's (which keeps frames from loading at all), so only the
    // path jail and the request blocker are left to keep the secret out.
    QWebEnginePage page(m_profile);
    QSignalSpy refused(m_profile->schemeHandler(), &CourseSchemeHandler::requestRefused);
    QString html = QStringLiteral("<iframe src=\"%1\"></iframe>").arg(CourseUrl::file(QStringLiteral("img/ok.txt")).toString());
    for (const QString &url : outside)
        html += QStringLiteral("<iframe src=\"%1\"></iframe>").arg(url);
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.setHtml(html, CourseUrl::page(QStringLiteral("m/raw")));
    QVERIFY(finished.wait(15000));
    QTRY_COMPARE_WITH_TIMEOUT(matches(page, QString::fromLatin1(kInside)), 1, 10000);  // a frame does show a file
    QCOMPARE(matches(page, QString::fromLatin1(kSecret)), 0);
    QCOMPARE(refused.count(), 4);  // the file: one never reaches the course scheme
}

void TestWebIsolation::pageScriptsDoNotRun()
{
    QWebEnginePage page(m_profile);  // a plain page: the profile alone must keep scripts off
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<title>before</title><script>document.title = 'script ran'</script>"
                                "<img src=x onerror=\"document.title='handler ran'\">"),
                 CourseUrl::page(QStringLiteral("m/raw")));
    QVERIFY(finished.wait(15000));  // inline scripts and the picture's error come before the load ends
    QCOMPARE(runInApplicationWorld(page, QStringLiteral("document.title")), QStringLiteral("before"));
    QCOMPARE(page.title(), QStringLiteral("before"));
}

void TestWebIsolation::externalLinkOpensOnlyOnClick()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, CourseUrl::page(QStringLiteral("m/first"))));
    QSignalSpy external(&page, &CourseWebPage::externalLinkClicked);
    // Loading a web address programmatically is refused outright, with no browser opened.
    QVERIFY(!load(page, QUrl(QStringLiteral("https://example.org/"))));  // the refusal ends the load
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
    QWebEngineUrlScheme probe(kProbeScheme);
    probe.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    probe.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme);  // a course page may load it
    QWebEngineUrlScheme::registerScheme(probe);
    QApplication app(argc, argv);
    TestWebIsolation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_web_isolation.moc"
