// Tests for SlideDocument: a deck as one HTML document (issue 13, items 1, 4 and 9). The
// document is read back as a browser reads it (HtmlDom parses with gumbo); the deck comes
// from a small course rendered by the real renderer (tests/support/RenderFixture.h).

#include "RenderFixture.h"
#include "SlideDocument.h"

#include <QJsonArray>
#include <QTest>

using namespace RenderFixture;

namespace {

const SlideBudget kBudget = SlideBudget::forScreen(QSize(1920, 1080), 1.0);

const QString kActivityPage = QStringLiteral(
    "Intro.\n\n## 5 < 6 & more\n\nFirst section.\n\n"
    "<div class=\"callout activity\" id=\"kwl-x\" data-kind=\"kwl\" markdown=\"1\">\n### What do you know?\n\nFill in the Know column.\n</div>\n\n"
    "<div class=\"facilitator-notes\" markdown=\"1\">Keep the notes off the wall.</div>\n");

struct Fixture {
    TestCourse course;
    Course loaded;
    SlideDeck deck;
    ActivitySpec spec;

    explicit Fixture(const QString &body = kActivityPage)
    {
        course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), body);
        loaded = course.load();
        deck = SlideDeck::forModule(loaded, QStringLiteral("m"), {}, kBudget);
        const RenderedPage page = renderPage(loaded, QStringLiteral("m/a"));
        if (!page.activities.isEmpty())
            spec = page.activities.first();
    }
};

Answer kwlAnswer(const QString &know)
{
    Answer answer;
    answer.activityId = QStringLiteral("kwl-x");
    answer.kind = QStringLiteral("kwl");
    answer.value = {{QStringLiteral("experience"), QStringLiteral("PERSONAL-EXPERIENCE")},
                    {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), know},
                                                                    {QStringLiteral("want"), QStringLiteral("WANT-TEXT")},
                                                                    {QStringLiteral("learned"), QString()}}}}};
    return answer;
}

QVector<xmlNodePtr> slidesIn(const HtmlDom &dom)
{
    return select(dom, QStringLiteral("section"), QStringLiteral("slide"));
}

}  // namespace

class TestSlideDocument : public QObject
{
    Q_OBJECT

private slots:
    void oneSlideShowingAtStart();
    void headingsAndLabelsAreEscaped();
    void activitySlideShowsItsGrid();
    void gridEmptyAndFilled();
    void answersOnlyWhenPassedIn();
    void tallGridSpreadsOverSlides();
    void notesOnlyInAHandoutWithNotes();
    void themeAndZoom();
    void controlScriptDrivesTheDocument();
};

void TestSlideDocument::oneSlideShowingAtStart()
{
    const Fixture fixture;
    QVERIFY(fixture.deck.count() >= 6);  // pages a, b and c
    const HtmlDom dom(SlideDocument::html(fixture.deck, {}));
    const QVector<xmlNodePtr> slides = slidesIn(dom);
    QCOMPARE(slides.size(), fixture.deck.count());
    int current = 0;
    for (int index = 0; index < slides.size(); ++index) {
        QCOMPARE(HtmlDom::attribute(slides[index], "id"), QStringLiteral("slide-%1").arg(index + 1));
        QCOMPARE(HtmlDom::attribute(slides[index], "data-page"), fixture.deck.slides()[index].pageId);
        QVERIFY(HtmlDom::attribute(slides[index], "aria-label").startsWith(QStringLiteral("Slide %1 of %2: ").arg(index + 1).arg(slides.size())));
        current += HtmlDom::hasClass(slides[index], QStringLiteral("current")) ? 1 : 0;
        // The corner: the module's title and "n / m".
        const QVector<xmlNodePtr> numbers = select(dom, QStringLiteral("span"), QStringLiteral("slide-number"));
        QCOMPARE(HtmlDom::text(numbers[index]), QStringLiteral("%1 / %2").arg(index + 1).arg(slides.size()));
    }
    QCOMPARE(current, 1);
    QVERIFY(HtmlDom::hasClass(slides.first(), QStringLiteral("current")));
    // The overview has a card per slide, with its number and heading.
    const QVector<xmlNodePtr> cards = select(dom, QStringLiteral("div"), QStringLiteral("overview-card"));
    QCOMPARE(cards.size(), slides.size());
    QCOMPARE(HtmlDom::text(cards[1]), QStringLiteral("2 Page A"));
    // Nothing but the style: no script, no link to fetch.
    QVERIFY(select(dom, QStringLiteral("script")).isEmpty());
    QVERIFY(select(dom, QStringLiteral("link")).isEmpty());
}

void TestSlideDocument::headingsAndLabelsAreEscaped()
{
    const Fixture fixture;
    const QString html = SlideDocument::html(fixture.deck, {});
    QVERIFY2(html.contains(QLatin1String("5 &lt; 6 &amp; more")), "the heading is not escaped");
    QVERIFY(!html.contains(QLatin1String("5 < 6")));
    const HtmlDom dom(html);
    const QVector<xmlNodePtr> headings = select(dom, QStringLiteral("h2"), QStringLiteral("slide-heading"));
    QVERIFY(std::any_of(headings.begin(), headings.end(),
                        [](xmlNodePtr h) { return HtmlDom::text(h) == QLatin1String("5 < 6 & more"); }));
    bool labelled = false;
    for (xmlNodePtr slide : slidesIn(dom))
        labelled = labelled || HtmlDom::attribute(slide, "aria-label").endsWith(QLatin1String(": 5 < 6 & more"));
    QVERIFY(labelled);
}

void TestSlideDocument::activitySlideShowsItsGrid()
{
    const Fixture fixture;
    QCOMPARE(fixture.spec.id, QStringLiteral("kwl-x"));
    SlideDocument::Options options;
    options.activities.insert(fixture.spec.id, fixture.spec);
    const HtmlDom dom(SlideDocument::html(fixture.deck, options));
    const QVector<xmlNodePtr> activity = select(dom, QStringLiteral("section"), QStringLiteral("slide-activity"));
    QCOMPARE(activity.size(), 1);
    QVERIFY(HtmlDom::text(activity.first()).contains(QLatin1String("Fill in the Know column.")));
    const QVector<xmlNodePtr> grids = select(dom, QStringLiteral("div"), QStringLiteral("slide-grid"));
    QCOMPARE(grids.size(), 1);
    QCOMPARE(HtmlDom::attribute(grids.first(), "data-activity"), QStringLiteral("kwl-x"));
    QVERIFY(HtmlDom::elements(activity.first()).contains(grids.first()));
    QCOMPARE(select(dom, QStringLiteral("th")).size(), 3);  // Know, Want to learn, Learned
    QCOMPARE(select(dom, QStringLiteral("tr"), QStringLiteral("empty")).size(), 3);
}

void TestSlideDocument::gridEmptyAndFilled()
{
    const Fixture fixture;
    const QString empty = SlideDocument::gridHtml(fixture.spec, std::nullopt);
    QVERIFY(empty.contains(QLatin1String("class=\"empty\"")));
    const QString filled = SlideDocument::gridHtml(fixture.spec, kwlAnswer(QStringLiteral("Teens <b>lead</b> & plan")));
    QVERIFY2(filled.contains(QLatin1String("Teens &lt;b&gt;lead&lt;/b&gt; &amp; plan")), filled.toUtf8());
    QVERIFY(filled.contains(QLatin1String("WANT-TEXT")));
    QVERIFY(!filled.contains(QLatin1String("class=\"empty\"")));

    // A worksheet keeps its fixed cells and shows what was typed in the others.
    const Fixture sheet(QStringLiteral("<div class=\"callout activity\" id=\"ws\" markdown=\"1\">\n### Plan\n\n"
                                       "<table class=\"worksheet\"><tr><th>Step</th><th>Who</th></tr>"
                                       "<tr><td>Invite teens</td><td></td></tr></table>\n</div>\n"));
    QCOMPARE(sheet.spec.kind, ActivitySpec::Kind::Worksheet);
    const QString blank = SlideDocument::gridHtml(sheet.spec, std::nullopt);
    QVERIFY(blank.contains(QLatin1String("Invite teens")) && blank.contains(QLatin1String("unfilled")));
    Answer answer;
    answer.value = {{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue(), QStringLiteral("Sam & Ana")}}}};
    const QString typed = SlideDocument::gridHtml(sheet.spec, answer);
    QVERIFY2(typed.contains(QLatin1String("Sam &amp; Ana")) && typed.contains(QLatin1String("Invite teens")), typed.toUtf8());
}

void TestSlideDocument::answersOnlyWhenPassedIn()
{
    const Fixture fixture;
    SlideDocument::Options options;
    options.activities.insert(fixture.spec.id, fixture.spec);
    const Answer answer = kwlAnswer(QStringLiteral("SECRET-ANSWER"));
    // Without gridAnswers: no answer text anywhere in the document, whatever else it holds.
    for (const bool print : {false, true}) {
        options.print = print;
        options.withNotes = print;
        const QString html = SlideDocument::html(fixture.deck, options);
        for (const char *secret : {"SECRET-ANSWER", "WANT-TEXT", "PERSONAL-EXPERIENCE"})
            QVERIFY2(!html.contains(QLatin1String(secret)), secret);
    }
    options.print = false;
    options.withNotes = false;
    // Another activity's answer stays out too.
    options.gridAnswers.insert(QStringLiteral("other"), answer);
    QVERIFY(!SlideDocument::html(fixture.deck, options).contains(QLatin1String("SECRET-ANSWER")));
    options.gridAnswers.insert(fixture.spec.id, answer);
    const QString shown = SlideDocument::html(fixture.deck, options);
    QCOMPARE(shown.count(QLatin1String("SECRET-ANSWER")), 1);
    QVERIFY(!shown.contains(QLatin1String("PERSONAL-EXPERIENCE")));  // the grid only, not a learner's experience text
}

void TestSlideDocument::tallGridSpreadsOverSlides()
{
    QString rows;
    for (int row = 1; row <= 30; ++row)
        rows += QStringLiteral("<tr><td>Practice %1 that the team rates together</td><td>1 / 2 / 3 / 4</td><td></td></tr>").arg(row);
    const Fixture fixture(QStringLiteral("<div class=\"callout activity\" id=\"ws\" markdown=\"1\">\n### Rate it\n\nRate each row.\n\n"
                                         "<table class=\"worksheet\"><tr><th>Practice</th><th>Rating</th><th>Evidence</th></tr>")
                          + rows + QStringLiteral("</table>\n</div>\n"));
    QCOMPARE(fixture.spec.rows.size(), 30);
    // The grid's rows in order over several slides, the short prompt on the first, the last open-ended.
    QVector<Slide> parts;
    for (const Slide &slide : fixture.deck.slides()) {
        if (slide.activityId == QLatin1String("ws"))
            parts << slide;
    }
    QVERIFY(parts.size() >= 2);
    int next = 0;
    for (const Slide &part : parts) {
        QCOMPARE(part.kind, Slide::Kind::Activity);
        QCOMPARE(part.gridFirstRow, next);
        QCOMPARE(part.continued, next > 0);
        QCOMPARE(part.bodyHtml.contains(QLatin1String("Rate each row.")), next == 0);
        next += part.gridRowCount;
    }
    QCOMPARE(parts.last().gridRowCount, -1);

    // Each slide draws its rows under the header, and every row is on one slide.
    SlideDocument::Options options;
    options.activities.insert(fixture.spec.id, fixture.spec);
    const HtmlDom dom(SlideDocument::html(fixture.deck, options));
    const QVector<xmlNodePtr> grids = select(dom, QStringLiteral("div"), QStringLiteral("slide-grid"));
    QCOMPARE(grids.size(), parts.size());
    QStringList seen;
    for (xmlNodePtr grid : grids) {
        QStringList headers;
        for (xmlNodePtr cell : HtmlDom::elements(grid)) {
            if (HtmlDom::hasClass(cell, QStringLiteral("fixed")))
                seen << HtmlDom::text(cell).section(QLatin1Char(' '), 0, 1);
            if (HtmlDom::name(cell) == QLatin1String("th"))
                headers << HtmlDom::text(cell);
        }
        QCOMPARE(headers, QStringList({QStringLiteral("Practice"), QStringLiteral("Rating"), QStringLiteral("Evidence")}));
    }
    QStringList expected;
    for (int row = 1; row <= 30; ++row)
        expected << QStringLiteral("Practice %1").arg(row);
    QCOMPARE(seen, expected);
}

void TestSlideDocument::notesOnlyInAHandoutWithNotes()
{
    const Fixture fixture;
    SlideDocument::Options options;
    for (const bool withNotes : {false, true}) {
        options.withNotes = withNotes;  // ignored on screen: the audience never gets notes
        QVERIFY(!SlideDocument::html(fixture.deck, options).contains(QLatin1String("off the wall")));
    }
    options.print = true;
    options.withNotes = false;
    const QString handout = SlideDocument::html(fixture.deck, options);
    QVERIFY(!handout.contains(QLatin1String("off the wall")));
    HtmlDom printed(handout);
    for (xmlNodePtr slide : slidesIn(printed))
        QVERIFY(!HtmlDom::hasClass(slide, QStringLiteral("current")));  // print shows them all
    QVERIFY(handout.contains(QLatin1String("size: landscape")));
    QVERIFY(select(printed, QString(), QStringLiteral("overview-card")).isEmpty());

    options.withNotes = true;
    const HtmlDom withNotes(SlideDocument::html(fixture.deck, options));
    const QVector<xmlNodePtr> notes = select(withNotes, QStringLiteral("aside"), QStringLiteral("slide-notes"));
    // Under each slide of page a (title, intro, section, activity), and nowhere else.
    QCOMPARE(notes.size(), 4);
    for (xmlNodePtr aside : notes) {
        QVERIFY(HtmlDom::text(aside).contains(QLatin1String("Keep the notes off the wall.")));
        QCOMPARE(HtmlDom::attribute(aside->parent, "data-page"), QStringLiteral("m/a"));
    }
}

void TestSlideDocument::themeAndZoom()
{
    const Fixture fixture;
    SlideDocument::Options options;
    options.theme = QStringLiteral("high-contrast");
    options.zoom = 2.0;
    const QString html = SlideDocument::html(fixture.deck, options);
    QVERIFY(html.contains(QLatin1String("data-theme=\"high-contrast\"")));
    QVERIFY2(html.contains(QLatin1String("calc(3.200vh * 2.000)")), "the zoom does not scale the type");
    QVERIFY(html.contains(QLatin1String(":root[data-theme=\"high-contrast\"]")));  // the page's palettes come along
    options.theme = QStringLiteral("\"><script>");
    QVERIFY(!SlideDocument::html(fixture.deck, options).contains(QLatin1String("<script>")));
}

void TestSlideDocument::controlScriptDrivesTheDocument()
{
    const QString script = SlideDocument::controlScript();
    for (const char *function : {"show:", "blank:", "overview:", "setGrid:", "countdown:", "current:", "window.coursebookSlides"})
        QVERIFY2(script.contains(QLatin1String(function)), function);
    for (const char *forbidden : {"eval(", "new Function", "fetch(", "XMLHttpRequest"})
        QVERIFY2(!script.contains(QLatin1String(forbidden)), forbidden);
}

QTEST_GUILESS_MAIN(TestSlideDocument)
#include "tst_slide_document.moc"
