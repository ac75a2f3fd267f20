#include "CourseFileKind.h"
#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "MediaFormat.h"
#include "OfflineWebProfile.h"
#include "RequestBlocker.h"

#include <QApplication>
#include <QFile>
#include <QMimeDatabase>
#include <QSignalSpy>
#include <QTest>
#include <QWebEngineScript>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestInterceptor>

namespace {
const QString kCourse = QStringLiteral(TESTDATA_DIR "/media");

// Every request the page makes that the profile's blocker let through.
class SeenRequests : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override { urls << info.requestUrl(); }
    QVector<QUrl> urls;
};
}  // namespace

// A course's own video and sound in the real web engine (docs/course-format.md section 3):
// what the engine plays loads from the course folder with its controls, what it cannot play
// or cannot find is a card, and a video on the web is never asked for.
class TestCourseMedia : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void schemeServesMediaWithItsType_data();
    void schemeServesMediaWithItsType();
    void engineAgreesWithWhatPlays_data();
    void engineAgreesWithWhatPlays();
    void courseVideoAndAudioLoadInThePage();
    void videoSeeksInsideTheFile();
    void otherFormatsAreCardsAndNothingLeaves();
    void unplayableCardOpensTheFileOnTheDesktop();

private:
    bool load(QWebEnginePage &page, const QString &pageId);
    QString run(QWebEnginePage &page, const QString &script);

    OfflineWebProfile *m_profile = nullptr;
    std::shared_ptr<const Course> m_course;
};

void TestCourseMedia::initTestCase()
{
    m_profile = new OfflineWebProfile(this);
    m_course = std::make_shared<const Course>(CourseLoader::load(kCourse));
    QVERIFY(m_course->findPage(QStringLiteral("media/watch-and-listen")));
    m_profile->schemeHandler()->setCourse(m_course);
}

bool TestCourseMedia::load(QWebEnginePage &page, const QString &pageId)
{
    QSignalSpy finished(&page, &QWebEnginePage::loadFinished);
    page.load(CourseUrl::page(pageId));
    return finished.wait(30000) && finished.first().first().toBool();
}

// The app's own scripts run in their own world; the page's are off.
QString TestCourseMedia::run(QWebEnginePage &page, const QString &script)
{
    QVariant result;
    bool done = false;
    page.runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &r) { result = r; done = true; });
    return QTest::qWaitFor([&] { return done; }, 10000) ? result.toString() : QStringLiteral("<no answer from the page>");
}

void TestCourseMedia::schemeServesMediaWithItsType_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("webm video") << "img/demo.webm" << QByteArray("video/webm");
    QTest::newRow("ogg sound") << "img/bell.ogg" << QByteArray("audio/ogg");
    QTest::newRow("mp4 video") << "img/interview.mp4" << QByteArray("video/mp4");
    QTest::newRow("avi video") << "img/lecture.avi" << QByteArray("video/x-msvideo");
}

void TestCourseMedia::schemeServesMediaWithItsType()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, type);
    const CourseSchemeHandler::Answer answer = m_profile->schemeHandler()->answer(CourseUrl::file(file));
    QCOMPARE(answer.error, QWebEngineUrlRequestJob::NoError);
    QCOMPARE(answer.mimeType, type);
    QFile original(kCourse + QLatin1Char('/') + file);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(answer.data == original.readAll());
}

void TestCourseMedia::engineAgreesWithWhatPlays_data()
{
    QTest::addColumn<QString>("type");
    for (const char *type : {"video/webm", "audio/webm", "video/ogg", "audio/ogg", "audio/x-vorbis+ogg", "audio/x-opus+ogg",
                             "video/x-theora+ogg", "application/ogg", "audio/x-wav", "audio/flac", "audio/mpeg", "video/mp4",
                             "video/x-m4v", "audio/mp4", "audio/aac", "video/3gpp", "video/quicktime", "video/x-matroska",
                             "audio/x-matroska", "video/x-msvideo", "video/x-ms-wmv", "audio/x-ms-wma", "video/mpeg",
                             "video/x-flv", "audio/x-aiff", "audio/AMR", "video/mp2t", "audio/midi"})
        QTest::newRow(type) << QString::fromLatin1(type);
}

// What the renderer decides from a file's type is what the engine says it can play.
void TestCourseMedia::engineAgreesWithWhatPlays()
{
    QFETCH(QString, type);
    const QMimeType mime = QMimeDatabase().mimeTypeForName(type);
    QVERIFY2(mime.isValid(), "the desktop's MIME database knows the type");
    CourseWebPage page(m_profile);
    QVERIFY(load(page, QStringLiteral("media/watch-and-listen")));
    const QString served = QString::fromLatin1(MediaFormat::servedType(mime));
    const QString answer = run(page, QStringLiteral("document.createElement('video').canPlayType('%1')").arg(served));
    QVERIFY2(MediaFormat::playsInPage(mime) == !answer.isEmpty(),
             qPrintable(QStringLiteral("served as %1, canPlayType says \"%2\"").arg(served, answer)));
}

void TestCourseMedia::courseVideoAndAudioLoadInThePage()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, QStringLiteral("media/watch-and-listen")));
    QCOMPARE(run(page, QStringLiteral("String(document.querySelectorAll('video').length + ' ' + document.querySelectorAll('audio').length)")),
             QStringLiteral("3 1"));
    // Every player knows its length (its metadata came from the course folder) and has controls.
    const QString state = QStringLiteral(
        "Array.from(document.querySelectorAll('video, audio')).map(m => m.currentSrc + ' ' + (m.readyState >= 1) + ' '"
        " + isFinite(m.duration) + ' ' + m.controls).join('\\n')");
    const QString expected = QStringLiteral("course://coursebook/file/img/demo.webm true true true\n"
                                            "course://coursebook/file/img/bell.ogg true true true\n"
                                            "course://coursebook/file/img/demo.webm true true true\n"
                                            "course://coursebook/file/img/interview.mp4 true true true");
    QTRY_COMPARE_WITH_TIMEOUT(run(page, state), expected, 20000);
    QCOMPARE(run(page, QStringLiteral("String(Math.round(document.querySelector('video').duration))")), QStringLiteral("2"));
}

void TestCourseMedia::videoSeeksInsideTheFile()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, QStringLiteral("media/watch-and-listen")));
    QTRY_COMPARE_WITH_TIMEOUT(run(page, QStringLiteral("String(document.querySelector('video').readyState >= 1)")),
                              QStringLiteral("true"), 20000);
    run(page, QStringLiteral("document.querySelector('video').currentTime = 1.5"));
    QTRY_COMPARE_WITH_TIMEOUT(run(page, QStringLiteral("(v => String(!v.seeking && v.currentTime > 1 && v.readyState >= 2))"
                                                       "(document.querySelector('video'))")),
                              QStringLiteral("true"), 20000);
}

void TestCourseMedia::otherFormatsAreCardsAndNothingLeaves()
{
    const qsizetype blockedBefore = m_profile->requestBlocker()->blocked().size();
    CourseWebPage page(m_profile);
    SeenRequests seen;
    page.setUrlRequestInterceptor(&seen);
    QVERIFY(load(page, QStringLiteral("media/other-formats")));
    QCOMPARE(run(page, QStringLiteral("String(document.querySelectorAll('video, audio').length)")), QStringLiteral("0"));
    QCOMPARE(run(page, QStringLiteral("Array.from(document.querySelectorAll('figure.embed-card .embed-title'))"
                                      ".map(t => t.textContent).join(' | ')")),
             QStringLiteral("lecture.avi | A clip hosted elsewhere | lost-clip.webm"));
    QTest::qWait(500);  // anything the page would still ask for has been asked for by now
    QCOMPARE(m_profile->requestBlocker()->blocked().size(), blockedBefore);
    for (const QUrl &url : std::as_const(seen.urls))
        QVERIFY2(url.scheme() == QLatin1String(CourseUrl::scheme) && !url.path().endsWith(QLatin1String(".avi")),
                 qPrintable(url.toString()));
}

void TestCourseMedia::unplayableCardOpensTheFileOnTheDesktop()
{
    CourseWebPage page(m_profile);
    QVERIFY(load(page, QStringLiteral("media/other-formats")));
    QSignalSpy opened(&page, &CourseWebPage::courseFileClicked);
    run(page, QStringLiteral("document.querySelector('a.embed-link[href^=\"course:\"]').click()"));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    QCOMPARE(opened.first().first().toString(), QStringLiteral("img/lecture.avi"));
    // CourseLinkOpener hands a document to the desktop's player: a video is one.
    QVERIFY(CourseFileKind::of(m_course->rootPath, QStringLiteral("img/lecture.avi")).isDocument());
}

int main(int argc, char **argv)
{
    CourseSchemeHandler::registerScheme();
    QApplication app(argc, argv);
    TestCourseMedia test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_course_media.moc"
