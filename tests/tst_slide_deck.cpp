// Tests for SlideDeck and SlideBudget: a rendered page cut into slides for a screen (issue 13,
// item 1). Pages are rendered from Markdown by the real renderer (tests/support/RenderFixture.h),
// as a presentation gets them; the bundled course gives a deck for every module.

#include "CourseLoader.h"
#include "RenderFixture.h"
#include "SlideDeck.h"
#include "SlideFixture.h"

#include <QSet>
#include <QTest>

using namespace RenderFixture;
using namespace SlideFixture;

namespace {

const SlideBudget kSmall = SlideBudget::forScreen(QSize(1024, 768), 1.0);
const SlideBudget kLarge = SlideBudget::forScreen(QSize(1920, 1080), 1.0);

}  // namespace

class TestSlideDeck : public QObject
{
    Q_OBJECT

private slots:
    void budgetsFollowTheScreen();
    void sectionsBecomeSlides();
    void longSectionContinuesWithNothingLost();
    void longParagraphSplitsAtSentences();
    void pageWithoutSections();
    void longTableRepeatsItsHeader();
    void longListKeepsCounting();
    void longCalloutSplitsInsideItsBox();
    void imagesTakeHalfASlide();
    void wrappedCodeTakesItsLines();
    void activityGetsItsOwnSlide();
    void longPromptGoesBeforeItsGrid();
    void notesLeaveTheSlides();
    void smallerScreenOrZoomGivesMoreSlides();
    void bundledCourseGivesADeckPerModule();
    void matchingFindsTheSamePlaceAfterARebuild();
};

void TestSlideDeck::budgetsFollowTheScreen()
{
    QVERIFY2(kLarge != kSmall, "1920x1080 and 1024x768 get the same budget");
    // A wide screen takes more characters on a line; both keep a projector's number of lines.
    QVERIFY2(kLarge.charsPerLine > kSmall.charsPerLine, qPrintable(QStringLiteral("%1 vs %2").arg(kLarge.charsPerLine).arg(kSmall.charsPerLine)));
    for (const SlideBudget &budget : {kLarge, kSmall}) {
        QVERIFY2(budget.lines >= 10 && budget.lines <= 20, qPrintable(QString::number(budget.lines)));
        QVERIFY2(budget.charsPerLine >= 50 && budget.charsPerLine <= 110, qPrintable(QString::number(budget.charsPerLine)));
    }
    // Zoom 2: twice the type, at most half the text of a slide.
    const SlideBudget zoomed = SlideBudget::forScreen(QSize(1920, 1080), 2.0);
    QVERIFY(zoomed.lines * zoomed.charsPerLine <= kLarge.lines * kLarge.charsPerLine / 2);
    QVERIFY(zoomed.lines >= 3);
    // The type never goes below its floor: zooming out of a small screen stops at it.
    QCOMPARE(SlideBudget::fontPixels(QSize(1024, 768), 0.3), SlideBudget::fontPixels(QSize(1024, 768), 0.5));
    QVERIFY(SlideBudget::fontPixels(QSize(800, 480), 1.0) >= SlideBudget::kFloorPixels);
    QVERIFY(SlideBudget::fontPixels(QSize(1920, 1080), 1.0) > SlideBudget::fontPixels(QSize(1024, 768), 1.0));
}

void TestSlideDeck::sectionsBecomeSlides()
{
    const RenderedPage page = renderBody(QStringLiteral("Before the sections.\n\n## First part\n\nText one.\n\n"
                                                        "### A smaller heading\n\nMore of one.\n\n## Second part\n\nText two.\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("Module M"), kLarge);
    QCOMPARE(slides.size(), 4);
    QCOMPARE(slides[0].kind, Slide::Kind::Title);
    QCOMPARE(slides[0].heading, QStringLiteral("Page A"));
    QVERIFY(slides[0].bodyHtml.isEmpty());
    QCOMPARE(slides[1].heading, QStringLiteral("Page A"));  // what comes before the first ##
    QCOMPARE(textOf(slides[1].bodyHtml), QStringLiteral("Before the sections."));
    QCOMPARE(slides[2].heading, QStringLiteral("First part"));
    QCOMPARE(textOf(slides[2].bodyHtml), QStringLiteral("Text one. A smaller heading More of one."));
    QCOMPARE(slides[3].heading, QStringLiteral("Second part"));
    QCOMPARE(textOf(slides[3].bodyHtml), QStringLiteral("Text two."));
    for (const Slide &slide : slides) {
        QCOMPARE(slide.moduleTitle, QStringLiteral("Module M"));
        QCOMPARE(slide.pageId, QStringLiteral("m/a"));
        QCOMPARE(slide.pageTitle, QStringLiteral("Page A"));
        QVERIFY(!slide.continued);
        QVERIFY2(!slide.bodyHtml.contains(QLatin1String("<h2")), slide.bodyHtml.toUtf8());
    }
}

void TestSlideDeck::longSectionContinuesWithNothingLost()
{
    const QString body = QStringLiteral("## Long one\n\n") + paragraphs(14, 3) + QStringLiteral("## Short one\n\nThe end.\n");
    const RenderedPage page = renderBody(body);
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    QVERIFY2(slides.size() >= 5, describe(slides));
    QStringList headings;
    for (const Slide &slide : slides.mid(1)) {
        if (slide.heading == QLatin1String("Long one"))
            QCOMPARE(slide.continued, slide != slides[1]);
        headings << slide.heading;
        // Never mid-paragraph: each paragraph is whole on one slide.
        HtmlDom dom(slide.bodyHtml);
        for (xmlNodePtr p : select(dom, QStringLiteral("p")))
            QVERIFY2(HtmlDom::text(p).endsWith(QLatin1String("teens.")) || HtmlDom::text(p) == QLatin1String("The end."), describe(slides));
    }
    QCOMPARE(headings.last(), QStringLiteral("Short one"));
    QVERIFY(!slides.last().continued);
    QCOMPARE(bodiesText(slides), textOf(page.bodyHtml));
}

void TestSlideDeck::longParagraphSplitsAtSentences()
{
    const RenderedPage page = renderBody(QStringLiteral("## Wall of text\n\n") + paragraphs(1, 40)
                                         + QStringLiteral("\n\nA *second* paragraph. With [a link](https://example.org/) in it.\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    QVERIFY2(slides.size() >= 3, describe(slides));
    for (const Slide &slide : slides.mid(1)) {
        const QString text = textOf(slide.bodyHtml);
        QVERIFY2(text.startsWith(QLatin1String("P1 sentence")) || text.startsWith(QLatin1String("A second")), describe(slides));
        QVERIFY2(text.endsWith(QLatin1Char('.')), describe(slides));
    }
    QCOMPARE(bodiesText(slides), textOf(page.bodyHtml));
    QVERIFY(slides.last().bodyHtml.contains(QLatin1String("<em>second</em>")));
}

void TestSlideDeck::pageWithoutSections()
{
    const RenderedPage page = renderBody(paragraphs(16, 2));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    QVERIFY2(slides.size() >= 4, describe(slides));
    QCOMPARE(slides[0].kind, Slide::Kind::Title);
    for (qsizetype index = 1; index < slides.size(); ++index) {
        QCOMPARE(slides[index].kind, Slide::Kind::Content);
        QCOMPARE(slides[index].heading, QStringLiteral("Page A"));
        QCOMPARE(slides[index].continued, index > 1);
    }
    QCOMPARE(bodiesText(slides), textOf(page.bodyHtml));
}

void TestSlideDeck::longTableRepeatsItsHeader()
{
    QString table = QStringLiteral("## A long table\n\nBefore it.\n\n| Program | Who came | What they made |\n|---|---|---|\n");
    for (int row = 1; row <= 40; ++row)
        table += QStringLiteral("| Program %1 | About a dozen teens | Zines, games and a podcast episode %1 |\n").arg(row);
    const RenderedPage page = renderBody(table);
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    QVERIFY2(slides.size() >= 4, describe(slides));
    QSet<QString> rowsSeen;
    for (qsizetype index = 1; index < slides.size(); ++index) {
        HtmlDom dom(slides[index].bodyHtml);
        const QVector<xmlNodePtr> headers = select(dom, QStringLiteral("th"));
        QCOMPARE(headers.size(), 3);  // the header row on every slide of the table
        QCOMPARE(HtmlDom::text(headers.first()), QStringLiteral("Program"));
        QCOMPARE(select(dom, QStringLiteral("tr"), QStringLiteral("repeated-header")).size(), index > 1 ? 1 : 0);
        for (xmlNodePtr cell : select(dom, QStringLiteral("td"))) {
            const QString text = HtmlDom::text(cell);
            if (text.startsWith(QLatin1String("Program "))) {
                QVERIFY2(!rowsSeen.contains(text), qPrintable(text));
                rowsSeen.insert(text);
            }
        }
    }
    QCOMPARE(rowsSeen.size(), 40);
    QCOMPARE(bodiesText(slides), textOf(page.bodyHtml));
}

void TestSlideDeck::longListKeepsCounting()
{
    QString list = QStringLiteral("## Steps\n\n");
    for (int item = 1; item <= 30; ++item)
        list += QStringLiteral("%1. Step %1: ask the teens what they would like to make next, and write it down\n").arg(item);
    const RenderedPage page = renderBody(list);
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    QVERIFY2(slides.size() >= 3, describe(slides));
    int next = 1;
    for (const Slide &slide : slides.mid(1)) {
        HtmlDom dom(slide.bodyHtml);
        const QVector<xmlNodePtr> lists = select(dom, QStringLiteral("ol"));
        QCOMPARE(lists.size(), 1);
        const int start = HtmlDom::hasAttribute(lists.first(), "start") ? HtmlDom::attribute(lists.first(), "start").toInt() : 1;
        QCOMPARE(start, next);  // the numbers a reader sees go on from the last slide
        const QVector<xmlNodePtr> items = select(dom, QStringLiteral("li"));
        QVERIFY(HtmlDom::text(items.first()).startsWith(QStringLiteral("Step %1:").arg(next)));
        next += int(items.size());
    }
    QCOMPARE(next, 31);
}

void TestSlideDeck::longCalloutSplitsInsideItsBox()
{
    // A case study of one long paragraph, and tips that are one long list: each part keeps its box.
    QString list;
    for (int item = 1; item <= 24; ++item)
        list += QStringLiteral("* Tip %1: invite a teen to co-plan the next session with you\n").arg(item);
    const RenderedPage page = renderBody(QStringLiteral("## Case\n\n<div class=\"callout case_study\" markdown=\"1\">\n") + paragraphs(1, 30)
                                         + QStringLiteral("</div>\n\n## Tips\n\n<div class=\"callout tips\" markdown=\"1\">\n") + list
                                         + QStringLiteral("</div>\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    int caseParts = 0, tipParts = 0;
    for (const Slide &slide : slides.mid(1)) {
        HtmlDom dom(slide.bodyHtml);
        const QString box = slide.heading == QLatin1String("Case") ? QStringLiteral("case_study") : QStringLiteral("tips");
        QCOMPARE(select(dom, QStringLiteral("div"), box).size(), 1);
        QCOMPARE(select(dom, slide.heading == QLatin1String("Case") ? QStringLiteral("p") : QStringLiteral("ul")).size(), 1);
        (slide.heading == QLatin1String("Case") ? caseParts : tipParts) += 1;
    }
    QVERIFY2(caseParts >= 2 && tipParts >= 2, describe(slides));
    QCOMPARE(bodiesText(slides), textOf(page.bodyHtml));
}

void TestSlideDeck::imagesTakeHalfASlide()
{
    // Two pictures fill a slide; a line of text with them sends the second on.
    const RenderedPage page = renderBody(QStringLiteral("## Pictures\n\n![First](img/x.png)\n\n![Second](img/x.png)\n\n"
                                                        "![Third](img/x.png)\n\n![Fourth](img/x.png)\n\n## Text too\n\nOne line.\n\n"
                                                        "![Fifth](img/x.png)\n\n![Sixth](img/x.png)\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kLarge);
    QVERIFY2(slides.size() == 5, describe(slides));
    const QVector<int> expected = {2, 2, 1, 1};
    for (int index = 1; index < slides.size(); ++index) {
        QVERIFY2(slides[index].bodyHtml.count(QLatin1String("<img")) == expected[index - 1], describe(slides));
        QVERIFY(slides[index].bodyHtml.contains(QLatin1String("course://coursebook/file/img/x.png")));
    }
    // A video card counts as a block of its own, kept whole.
    const RenderedPage video = renderBody(QStringLiteral("## Watch\n\n<iframe src=\"https://www.youtube.com/embed/abc123\"></iframe>\n\nAfter.\n"));
    const QVector<Slide> videoSlides = SlideDeck::forPage(video, QStringLiteral("M"), kLarge);
    QCOMPARE(videoSlides.size(), 2);
    QVERIFY2(videoSlides[1].bodyHtml.contains(QLatin1String("video-card")), describe(videoSlides));
}

void TestSlideDeck::wrappedCodeTakesItsLines()
{
    // Code wraps its long lines on the wall as on the page: eight lines of code and a sentence
    // fit one slide; with each line three slide widths long, the sentence goes on.
    QString shortCode, longCode;
    for (int line = 0; line < 8; ++line) {
        shortCode += QStringLiteral("step_%1: true\n").arg(line);
        longCode += QStringLiteral("step_%1: %2\n").arg(line).arg(QString(kLarge.charsPerLine * 3, QLatin1Char('x')));
    }
    const auto slidesOf = [](const QString &code) {
        return SlideDeck::forPage(renderBody(QStringLiteral("## Settings\n\n```\n") + code + QStringLiteral("```\n\nThen save.\n")),
                                  QStringLiteral("M"), kLarge);
    };
    const QVector<Slide> shortSlides = slidesOf(shortCode);
    const QVector<Slide> longSlides = slidesOf(longCode);
    QVERIFY2(shortSlides.size() == 2, describe(shortSlides));
    QVERIFY2(longSlides.size() == 3 && longSlides[2].bodyHtml.contains(QLatin1String("Then save.")), describe(longSlides));
}

void TestSlideDeck::activityGetsItsOwnSlide()
{
    const RenderedPage page = renderBody(QStringLiteral(
        "## Try it\n\nThink first.\n\n<div class=\"callout activity\" id=\"kwl-x\" data-kind=\"kwl\" markdown=\"1\">\n"
        "### What do you know?\n\nFill in the **Know** column.\n\n"
        "<div class=\"facilitator-notes\" markdown=\"1\">Give them five minutes.</div>\n</div>\n\nAfter the activity.\n\n## Next\n\nDone.\n"));
    QCOMPARE(page.activities.size(), 1);
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kLarge);
    QCOMPARE(slides.size(), 5);
    QCOMPARE(slides[1].kind, Slide::Kind::Content);
    QCOMPARE(textOf(slides[1].bodyHtml), QStringLiteral("Think first."));
    const Slide &activity = slides[2];
    QCOMPARE(activity.kind, Slide::Kind::Activity);
    QCOMPARE(activity.activityId, QStringLiteral("kwl-x"));
    QCOMPARE(activity.heading, QStringLiteral("What do you know?"));
    QCOMPARE(textOf(activity.bodyHtml), QStringLiteral("Fill in the Know column."));
    // The reader's workbook card (state, links) and the notes are not on the slide.
    for (const char *absent : {"activity-card", "Not started", "Open in workbook", "five minutes"})
        QVERIFY2(!activity.bodyHtml.contains(QLatin1String(absent)), activity.bodyHtml.toUtf8());
    QCOMPARE(slides[3].heading, QStringLiteral("Try it"));
    QVERIFY(slides[3].continued);
    QCOMPARE(textOf(slides[3].bodyHtml), QStringLiteral("After the activity."));
    QCOMPARE(slides[4].heading, QStringLiteral("Next"));
    QVERIFY(slides[2].notesHtml.contains(QLatin1String("five minutes")));
}

void TestSlideDeck::longPromptGoesBeforeItsGrid()
{
    const RenderedPage page = renderBody(QStringLiteral("## Reflect\n\n<div class=\"callout activity\" id=\"r\" data-kind=\"reflection\" markdown=\"1\">\n"
                                                        "### Looking back\n\n") + paragraphs(6, 3) + QStringLiteral("</div>\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kSmall);
    // The prompt on slides of its own, titled by the activity, then the grid's slide continuing them.
    QVERIFY2(slides.size() >= 4, describe(slides));
    for (const Slide &slide : slides.mid(1, slides.size() - 2)) {
        QCOMPARE(slide.kind, Slide::Kind::Content);
        QCOMPARE(slide.heading, QStringLiteral("Looking back"));
    }
    const Slide &grid = slides.last();
    QCOMPARE(grid.kind, Slide::Kind::Activity);
    QCOMPARE(grid.activityId, QStringLiteral("r"));
    QCOMPARE(grid.heading, QStringLiteral("Looking back"));
    QVERIFY(grid.continued);
    QVERIFY(grid.bodyHtml.isEmpty());
    QCOMPARE(QStringLiteral("Looking back ") + bodiesText(slides), textOf(page.bodyHtml));
}

void TestSlideDeck::notesLeaveTheSlides()
{
    const RenderedPage page = renderBody(QStringLiteral(
        "<div class=\"facilitator-notes\" markdown=\"1\">**Facilitator notes**\n\nOpen with the story.</div>\n\nIntro.\n\n"
        "## Part\n\nShown.\n\n<div class=\"facilitator-notes\" markdown=\"1\">Ask who has tried it.</div>\n"));
    const QVector<Slide> slides = SlideDeck::forPage(page, QStringLiteral("M"), kLarge);
    QCOMPARE(slides.size(), 3);
    for (const Slide &slide : slides) {
        QVERIFY2(!slide.bodyHtml.contains(QLatin1String("story")) && !slide.bodyHtml.contains(QLatin1String("tried it")), describe(slides));
        QVERIFY2(slide.notesHtml.contains(QLatin1String("Open with the story.")), slide.notesHtml.toUtf8());
        QVERIFY2(slide.notesHtml.contains(QLatin1String("Ask who has tried it.")), slide.notesHtml.toUtf8());
    }
    QCOMPARE(textOf(slides[1].bodyHtml), QStringLiteral("Intro."));
    QCOMPARE(textOf(slides[2].bodyHtml), QStringLiteral("Shown."));
}

void TestSlideDeck::smallerScreenOrZoomGivesMoreSlides()
{
    const RenderedPage page = renderBody(QStringLiteral("## Long\n\n") + paragraphs(20, 2));
    const qsizetype large = SlideDeck::forPage(page, QStringLiteral("M"), kLarge).size();
    const qsizetype small = SlideDeck::forPage(page, QStringLiteral("M"), kSmall).size();
    const qsizetype zoomed = SlideDeck::forPage(page, QStringLiteral("M"), SlideBudget::forScreen(QSize(1920, 1080), 2.0)).size();
    QVERIFY2(small > large, qPrintable(QStringLiteral("%1 vs %2").arg(small).arg(large)));
    QVERIFY2(zoomed - 1 >= 2 * (large - 1), qPrintable(QStringLiteral("%1 vs %2").arg(zoomed).arg(large)));
}

void TestSlideDeck::bundledCourseGivesADeckPerModule()
{
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    QVERIFY(course.modules.size() >= 5);
    for (const CourseModule &module : course.modules) {
        const SlideDeck deck = SlideDeck::forModule(course, module.id, {}, kLarge);
        QVERIFY2(!deck.isEmpty(), qPrintable(module.id));
        QCOMPARE(deck.moduleId(), module.id);
        QCOMPARE(deck.moduleTitle(), module.title);
        QSet<QString> activitySlides;
        for (const CoursePage &page : module.pages) {
            const int first = deck.firstSlideOf(page.id);
            QVERIFY2(first >= 0, qPrintable(page.id));
            QCOMPARE(deck.slides()[first].kind, Slide::Kind::Title);
            QCOMPARE(deck.slides()[first].heading, page.title);
        }
        for (const Slide &slide : deck.slides()) {
            QCOMPARE(slide.moduleId, module.id);
            const HtmlDom body(slide.bodyHtml);
            const QString where = slide.pageId + QLatin1Char(' ') + slide.heading;
            QVERIFY2(select(body, QString(), QStringLiteral("facilitator-notes")).isEmpty(), qPrintable(where));
            QVERIFY2(select(body, QString(), QStringLiteral("activity-card")).isEmpty(), qPrintable(where));
            QVERIFY2(!HtmlDom::text(body.body()).contains(QLatin1String("Not started")), qPrintable(where));
            if (slide.kind == Slide::Kind::Activity)
                activitySlides.insert(slide.activityId);
        }
        // Every activity of the module is on a slide of its own.
        const PageRenderer renderer(course);
        for (const CoursePage &page : module.pages) {
            for (const ActivitySpec &spec : renderer.render(page).activities)
                QVERIFY2(activitySlides.contains(spec.id), qPrintable(spec.id));
        }
    }
}

void TestSlideDeck::matchingFindsTheSamePlaceAfterARebuild()
{
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    const SlideDeck large = SlideDeck::forModule(course, QStringLiteral("planning-your-program"), {}, kLarge);
    const SlideDeck small = SlideDeck::forModule(course, QStringLiteral("planning-your-program"), {}, SlideBudget::forScreen(QSize(1024, 768), 2.0));
    QVERIFY(small.count() > large.count());
    for (const Slide &slide : large.slides()) {
        const int index = small.matching(slide);
        const Slide &found = small.slides()[index];
        QCOMPARE(found.pageId, slide.pageId);
        QCOMPARE(found.heading, slide.heading);
        QCOMPARE(found.kind, slide.kind);
        QCOMPARE(found.activityId, slide.activityId);
        // The first part of that section, not a later one.
        for (int before = 0; before < index; ++before) {
            const Slide &earlier = small.slides()[before];
            QVERIFY(earlier.pageId != slide.pageId || earlier.heading != slide.heading || earlier.kind != slide.kind);
        }
    }
    Slide gone;
    gone.pageId = QStringLiteral("planning-your-program/no-such-page");
    QCOMPARE(large.matching(gone), 0);
    QCOMPARE(large.firstSlideOf(gone.pageId), -1);
}

QTEST_GUILESS_MAIN(TestSlideDeck)
#include "tst_slide_deck.moc"
