// A course's own <video> and <audio> as the renderer writes them (docs/course-format.md
// section 3), in the fixture course tests/data/media: what the engine plays leads into the
// course with its controls; an AVI, a file on the web and a missing file become cards.
// tst_gui_course_media plays them in the real engine.

#include "RenderFixture.h"

#include <QTest>

using namespace RenderFixture;

namespace {
const QString kCourse = QStringLiteral(TESTDATA_DIR "/media");

// Each <video> and <audio>: its name, its own src or its <source>s' (in order), and whether
// it shows controls.
QStringList players(const HtmlDom &dom)
{
    QStringList found;
    for (xmlNodePtr media : HtmlDom::elements(dom.body())) {
        const QString name = HtmlDom::name(media);
        if (name != QLatin1String("video") && name != QLatin1String("audio"))
            continue;
        QStringList sources;
        if (HtmlDom::hasAttribute(media, "src"))
            sources << HtmlDom::attribute(media, "src");
        for (xmlNodePtr source : HtmlDom::elements(media))
            sources << HtmlDom::attribute(source, "src");
        found << name + QLatin1Char(' ') + sources.join(QLatin1Char(' ')) + (HtmlDom::hasAttribute(media, "controls") ? QStringLiteral(" controls") : QString());
    }
    return found;
}

// Each card: its kind, title, note and where its link leads.
QStringList cards(const HtmlDom &dom)
{
    QStringList found;
    for (xmlNodePtr card : select(dom, QStringLiteral("figure"), QStringLiteral("embed-card"))) {
        QStringList parts;
        for (const QString &part : {QStringLiteral("embed-kind"), QStringLiteral("embed-title"), QStringLiteral("embed-note")}) {
            for (xmlNodePtr element : HtmlDom::elements(card)) {
                if (HtmlDom::hasClass(element, part))
                    parts << HtmlDom::text(element);
            }
        }
        for (xmlNodePtr element : HtmlDom::elements(card)) {
            if (HtmlDom::name(element) == QLatin1String("a"))
                parts << HtmlDom::text(element) + QStringLiteral(" -> ") + HtmlDom::attribute(element, "href");
        }
        found << parts.join(QStringLiteral(" | "));
    }
    return found;
}
}  // namespace

class TestCourseMedia : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void playableMediaLeadIntoTheCourseWithControls();
    void otherFormatsRemoteAndMissingAreCards();
    void missingFileIsReportedAtItsLine();
    void captionsComeFromTheCourseOnly();

private:
    Course m_course;
};

void TestCourseMedia::initTestCase()
{
    m_course = CourseLoader::load(kCourse);
    QVERIFY(m_course.findPage(QStringLiteral("media/other-formats")));
}

void TestCourseMedia::playableMediaLeadIntoTheCourseWithControls()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("media/watch-and-listen"));
    // The AVI offered beside the WebM is dropped: the page plays the file it can.
    QCOMPARE(players(HtmlDom(page.bodyHtml)), (QStringList{
        QStringLiteral("video course://coursebook/file/img/demo.webm controls"),
        QStringLiteral("audio course://coursebook/file/img/bell.ogg controls"),
        QStringLiteral("video course://coursebook/file/img/demo.webm controls"),
        QStringLiteral("video course://coursebook/file/img/interview.mp4 controls"),
    }));
    QVERIFY2(!page.bodyHtml.contains(QStringLiteral("lecture.avi")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QStringLiteral("type=")), context(page));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestCourseMedia::otherFormatsRemoteAndMissingAreCards()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("media/other-formats"));
    const HtmlDom dom(page.bodyHtml);
    QVERIFY2(players(dom).isEmpty(), context(page));
    QCOMPARE(cards(dom), (QStringList{
        QStringLiteral("Video | lecture.avi | This format does not play in the page. | "
                       "Open in your video player -> course://coursebook/file/img/lecture.avi"),
        QStringLiteral("Video | A clip hosted elsewhere | Watch online -> https://media.example.org/clips/welcome.webm"),
        QStringLiteral("Video | lost-clip.webm | The file is not in the course folder."),
    }));
}

void TestCourseMedia::missingFileIsReportedAtItsLine()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("media/other-formats"));
    QCOMPARE(page.diagnostics.size(), 1);
    const Diagnostic *missing = findDiagnostic(page, {QStringLiteral("missing video"), QStringLiteral("lost-clip.webm")});
    QVERIFY2(missing, context(page));
    QCOMPARE(missing->line, 16);
}

void TestCourseMedia::captionsComeFromTheCourseOnly()
{
    TestCourse course;
    course.write(QStringLiteral("media/talk.ogg"), QByteArray("OggS") + QByteArray(60, '\0'));
    course.write(QStringLiteral("media/talk.vtt"), "WEBVTT\n");
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"),
                   QStringLiteral("<audio src=\"/media/talk.ogg\" autoplay>\n<track src=\"/media/talk.vtt\" kind=\"captions\">\n"
                                  "<track src=\"https://example.org/talk.vtt\" kind=\"captions\">\n</audio>\n"));
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QCOMPARE(players(HtmlDom(page.bodyHtml)),
             QStringList{QStringLiteral("audio course://coursebook/file/media/talk.ogg course://coursebook/file/media/talk.vtt controls")});
    QVERIFY2(!page.bodyHtml.contains(QStringLiteral("autoplay")), context(page));
}

QTEST_GUILESS_MAIN(TestCourseMedia)
#include "tst_course_media.moc"
