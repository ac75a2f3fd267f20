// Tests for PageRenderer against docs/course-format.md section 3 (and the facilitator notes
// of section 6): links and images, offline embed cards, script removal and the page document.
// Each test builds a tiny Course-in-a-Box in a QTemporaryDir (tests/support/RenderFixture.h);
// the last test renders every page of the bundled course.

#include "RenderFixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace RenderFixture;

namespace {

// The <html ...> start tag of a document.
QString htmlStartTag(const QString &document)
{
    static const QRegularExpression tag(QStringLiteral("<html\\b[^>]*>"));
    return tag.match(document).captured(0);
}

}  // namespace

class TestPageLinksAndSafety : public QObject
{
    Q_OBJECT

private slots:
    // ---- links, images and embeds (section 3) ------------------------------------------
    void links_data();
    void links();
    void images_data();
    void images();
    void embeds_data();
    void embeds();
    void embedTitleIsNearestHeadingBefore();
    void videoTimeInFollowingParagraph();

    // ---- safety and the document -------------------------------------------------------
    void scriptsRemoved();
    void documentHasContentSecurityPolicy();
    void facilitatorNotes();
    void facilitatorNotesTitleShownOnce();

    // ---- the bundled course ------------------------------------------------------------
    void bundledCourseRendersCleanly();
};

// ------------------------------------------------------------------------------------
// Links, images and embeds

void TestPageLinksAndSafety::links_data()
{
    QTest::addColumn<QString>("markdown");  // a link whose text is "L"
    QTest::addColumn<QString>("href");      // expected href; null: none
    QTest::addColumn<QString>("className");  // a class the link must have; empty: none required
    QTest::addColumn<bool>("warns");

    const QString pageB = QStringLiteral("course://coursebook/page/m/b");
    const QString handout = QStringLiteral("course://coursebook/file/docs/handout.pdf");
    QTest::newRow("relative to page address") << "[L](../b/)" << pageB << QString() << false;
    QTest::newRow("relative without slash") << "[L](../b)" << pageB << QString() << false;
    QTest::newRow("site URL") << "[L](/modules/m/b/)" << pageB << QString() << false;
    QTest::newRow("site URL with fragment") << "[L](/modules/m/b/#part-two)" << pageB + "#part-two" << QString() << false;
    QTest::newRow("site URL index.html") << "[L](/modules/m/b/index.html)" << pageB << QString() << false;
    QTest::newRow("site URL via baseurl") << "[L]({{ site.baseurl }}/modules/m/b/)" << pageB << QString() << false;
    QTest::newRow("file name") << "[L](2020-01-02-b.md)" << pageB << QString() << false;
    QTest::newRow("file name with fragment") << "[L](2020-01-02-b.md#part-two)" << pageB + "#part-two" << QString() << false;
    QTest::newRow("permalink") << "[L](/custom/c/)" << "course://coursebook/page/m/c" << QString() << false;
    QTest::newRow("permalink relative") << "[L](../../../custom/c/)" << "course://coursebook/page/m/c" << QString() << false;
    QTest::newRow("module URL") << "[L](/modules/m/)" << "course://coursebook/page/m/a" << QString() << false;
    QTest::newRow("file relative via course root") << "[L](docs/handout.pdf)" << handout << QString() << false;
    QTest::newRow("file relative via page address") << "[L](../../../docs/handout.pdf)" << handout << QString() << false;
    QTest::newRow("file via site.baseurl") << "[L]({{ site.baseurl }}/img/x.png)" << "course://coursebook/file/img/x.png" << QString() << false;
    QTest::newRow("file absolute") << "[L](/docs/handout.pdf)" << handout << QString() << false;
    QTest::newRow("in raw div") << "<div class=\"box\">\n<p><a href=\"../b/\">L</a></p>\n</div>" << pageB << QString() << false;
    QTest::newRow("in markdown div") << "<div class=\"box\" markdown=\"1\">\n[L](2020-01-02-b.md)\n</div>" << pageB << QString()
                                     << false;
    QTest::newRow("anchor") << "[L](#part)" << "#part" << QString() << false;
    QTest::newRow("external https") << "[L](https://example.org/a?b=c#d)" << "https://example.org/a?b=c#d"
                                    << "external" << false;
    QTest::newRow("external http raw") << "<a href=\"http://example.org/\">L</a>" << "http://example.org/" << "external" << false;
    QTest::newRow("mailto") << "[L](mailto:someone@example.org)" << "mailto:someone@example.org" << "external" << false;
    QTest::newRow("file scheme") << "[L](file:///etc/passwd)" << QString() << "broken-link" << true;
    QTest::newRow("javascript") << "[L](javascript:alert(1))" << QString() << "broken-link" << true;
    QTest::newRow("javascript raw") << "<a href=\"javascript:alert(1)\">L</a>" << QString() << "broken-link" << true;
    QTest::newRow("javascript upper case") << "<a href=\"JavaScript:alert(1)\">L</a>" << QString() << "broken-link" << true;
    QTest::newRow("data") << "<a href=\"data:text/html,<b>x</b>\">L</a>" << QString() << "broken-link" << true;
    QTest::newRow("missing page") << "[L](../nowhere/)" << QString() << "broken-link" << true;
    QTest::newRow("out of the course") << "[L](../../../../../etc/passwd)" << QString() << "broken-link" << true;
}

void TestPageLinksAndSafety::links()
{
    QFETCH(QString, markdown);
    QFETCH(QString, href);
    QFETCH(QString, className);
    QFETCH(bool, warns);

    const RenderedPage page = renderBody(QStringLiteral("Intro.\n\n") + markdown + QStringLiteral("\n"));
    const HtmlDom dom(page.bodyHtml);
    xmlNodePtr anchor = anchorWithText(dom, QStringLiteral("L"));
    QVERIFY2(anchor, context(page));
    if (href.isNull())
        QVERIFY2(!HtmlDom::hasAttribute(anchor, "href"), context(page));
    else
        QCOMPARE(HtmlDom::attribute(anchor, "href"), href);
    if (!className.isEmpty())
        QVERIFY2(HtmlDom::hasClass(anchor, className), context(page));
    if (className != QLatin1String("external"))
        QVERIFY2(!HtmlDom::hasClass(anchor, QStringLiteral("external")), context(page));
    if (warns) {
        QCOMPARE(page.diagnostics.size(), 1);
        QCOMPARE(page.diagnostics.first().line, kFrontMatterLines + 3);
    } else {
        QVERIFY2(page.diagnostics.isEmpty(), context(page));
    }
}

void TestPageLinksAndSafety::images_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("src");          // expected src of the <img>; empty: no <img> remains
    QTest::addColumn<QString>("placeholder");  // class of the placeholder span when there is no <img>
    QTest::addColumn<bool>("warns");

    QTest::newRow("site.baseurl") << "![x]({{ site.baseurl }}/img/x.png)" << "course://coursebook/file/img/x.png" << QString() << false;
    QTest::newRow("absolute") << "![x](/img/x.png)" << "course://coursebook/file/img/x.png" << QString() << false;
    QTest::newRow("relative via page address") << "![x](../img/y.png)" << "course://coursebook/file/modules/m/img/y.png" << QString() << false;
    QTest::newRow("relative via course root") << "![x](img/x.png)" << "course://coursebook/file/img/x.png" << QString() << false;
    QTest::newRow("raw html with site.baseurl") << "<img src=\"{{ site.baseurl }}/img/x.png\" alt=\"x\">" << "course://coursebook/file/img/x.png"
                                                << QString() << false;
    QTest::newRow("raw html") << "<img src=\"/img/x.png\" alt=\"x\">" << "course://coursebook/file/img/x.png" << QString() << false;
    QTest::newRow("non-Latin file name") << "![x](</img/café 日本.png>)" << "course://coursebook/file/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png"
                                         << QString() << false;
    QTest::newRow("percent-encoded file name") << "![x](/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png)"
                                               << "course://coursebook/file/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png" << QString() << false;
    // Inline images are offline already, and the page's CSP allows them.
    QTest::newRow("data image") << "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"x\">"
                                << "data:image/png;base64,iVBORw0KGgo=" << QString() << false;
    QTest::newRow("missing") << "![Alt words here](/img/missing.png)" << QString() << "missing-image" << true;
    QTest::newRow("missing raw") << "<img src=\"pics/gone.jpg\" alt=\"Alt words here\">" << QString() << "missing-image" << true;
    QTest::newRow("remote https") << "<img src=\"https://example.org/p.png\" alt=\"Alt words here\">" << QString()
                                  << "remote-image" << false;
    QTest::newRow("remote http markdown") << "![Alt words here](http://example.org/p.png)" << QString() << "remote-image" << false;
    QTest::newRow("scheme-relative remote") << "<img src=\"//cdn.example.org/p.png\" alt=\"Alt words here\">" << QString()
                                            << "remote-image" << false;
}

void TestPageLinksAndSafety::images()
{
    QFETCH(QString, markdown);
    QFETCH(QString, src);
    QFETCH(QString, placeholder);
    QFETCH(bool, warns);

    const RenderedPage page = renderBody(QStringLiteral("Intro.\n\n") + markdown + QStringLiteral("\n"));
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> images = select(dom, QStringLiteral("img"));
    if (!src.isEmpty()) {
        QCOMPARE(images.size(), 1);
        QCOMPARE(HtmlDom::attribute(images.first(), "src"), src);
    } else {
        QVERIFY2(images.isEmpty(), context(page));
        const QVector<xmlNodePtr> spans = select(dom, QStringLiteral("span"), placeholder);
        QCOMPARE(spans.size(), 1);
        QVERIFY2(HtmlDom::text(spans.first()).contains(QLatin1String("Alt words here")), context(page));
    }
    QVERIFY2(!page.bodyHtml.contains(QRegularExpression(QStringLiteral("<img[^>]+src=\"(https?:)?//"))), context(page));
    QVERIFY2(!page.bodyHtml.contains(QRegularExpression(QStringLiteral("<img[^>]+src=\"(?!course://coursebook/file/|data:image/)"))), context(page));
    if (warns) {
        QCOMPARE(page.diagnostics.size(), 1);
        QVERIFY2(findDiagnostic(page, {QStringLiteral("image")}), context(page));
        QCOMPARE(page.diagnostics.first().line, kFrontMatterLines + 3);
    } else {
        QVERIFY2(page.diagnostics.isEmpty(), context(page));
    }
}

void TestPageLinksAndSafety::embeds_data()
{
    QTest::addColumn<QString>("src");
    QTest::addColumn<QString>("cardClass");
    QTest::addColumn<QString>("title");     // of a video card; empty: not checked
    QTest::addColumn<QString>("host");      // shown on the card
    QTest::addColumn<QString>("openUrl");   // the card's link
    QTest::addColumn<QString>("label");     // text on the card

    QTest::newRow("youtube") << "https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" << "video-card" << "Heading Title"
                             << "youtube.com" << "https://www.youtube.com/watch?v=dQw4w9WgXcQ" << "Watch online";
    QTest::newRow("youtube scheme-relative") << "//www.youtube.com/embed/TH6gH6lMDD8" << "video-card" << "Heading Title"
                                             << "youtube.com" << "https://www.youtube.com/watch?v=TH6gH6lMDD8" << "Watch online";
    QTest::newRow("youtube-nocookie") << "https://www.youtube-nocookie.com/embed/abc_DEF-123" << "video-card" << "Heading Title"
                                      << "youtube.com" << "https://www.youtube.com/watch?v=abc_DEF-123" << "Watch online";
    QTest::newRow("youtube playlist") << "https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"
                                      << "video-card" << "Heading Title" << "youtube.com"
                                      << "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG" << "Watch online";
    QTest::newRow("vimeo") << "https://player.vimeo.com/video/76979871?title=0" << "video-card" << "Heading Title"
                           << "vimeo.com" << "https://vimeo.com/76979871" << "Watch online";
    QTest::newRow("ted") << "https://embed.ted.com/talks/ken_robinson_says_schools_kill_creativity" << "video-card"
                         << "Heading Title" << "ted.com" << "https://www.ted.com/talks/ken_robinson_says_schools_kill_creativity"
                         << "Watch online";
    QTest::newRow("h5p") << "https://example.org/wp-admin/admin-ajax.php?action=h5p_embed&id=3" << "interactive-card"
                         << QString() << "example.org" << "https://example.org/wp-admin/admin-ajax.php?action=h5p_embed&id=3"
                         << "Interactive activity (online only)";
    QTest::newRow("padlet") << "https://padlet.com/embed/abc123" << "link-card" << QString() << "padlet.com"
                            << "https://padlet.com/embed/abc123" << "Open padlet.com";
    QTest::newRow("google docs") << "https://docs.google.com/document/d/e/2PACX-1v/pub?embedded=true" << "link-card" << QString()
                                 << "docs.google.com" << "https://docs.google.com/document/d/e/2PACX-1v/pub?embedded=true"
                                 << "docs.google.com";
    QTest::newRow("raindrop") << "https://raindrop.io/collection/123/embed" << "link-card" << QString() << "raindrop.io"
                              << "https://raindrop.io/collection/123/embed" << "raindrop.io";
}

void TestPageLinksAndSafety::embeds()
{
    QFETCH(QString, src);
    QFETCH(QString, cardClass);
    QFETCH(QString, title);
    QFETCH(QString, host);
    QFETCH(QString, openUrl);
    QFETCH(QString, label);

    const QString body = QStringLiteral("## Heading Title\n\nSome text.\n\n<iframe width=\"560\" height=\"315\" src=\"%1\" "
                                        "frameborder=\"0\" allowfullscreen></iframe>\n<span class=\"videotime\">2:20</span>\n\n"
                                        "Text after.\n")
                             .arg(src.toHtmlEscaped());
    const RenderedPage page = renderBody(body);
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<iframe")), context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("Text after.")), context(page));
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> cards = select(dom, QStringLiteral("figure"), QStringLiteral("embed-card"));
    QCOMPARE(cards.size(), 1);
    xmlNodePtr card = cards.first();
    QVERIFY2(HtmlDom::hasClass(card, cardClass), context(page));
    const QString text = HtmlDom::text(card);
    QVERIFY2(text.contains(host), context(page));
    QVERIFY2(text.contains(label), context(page));
    if (!title.isEmpty()) {
        QVERIFY2(text.contains(title), context(page));
        QVERIFY2(text.contains(QLatin1String("2:20")), context(page));
        QVERIFY2(!page.bodyHtml.contains(QLatin1String("videotime")), context(page));
    }
    QVector<xmlNodePtr> links;
    for (xmlNodePtr a : select(dom, QStringLiteral("a"))) {
        if (HtmlDom::hasAttribute(a, "href"))
            links << a;
    }
    QCOMPARE(links.size(), 1);
    QCOMPARE(HtmlDom::attribute(links.first(), "href"), openUrl);
    QVERIFY2(HtmlDom::hasClass(links.first(), QStringLiteral("external")), context(page));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestPageLinksAndSafety::embedTitleIsNearestHeadingBefore()
{
    const RenderedPage page = renderBody(QStringLiteral(
        "## Outer heading\n\n"
        "<div class=\"callout videos\" markdown=\"1\">\n"
        "### Inner heading\n\n"
        "<iframe src=\"https://www.youtube.com/embed/AAAAAAAAAAA\"></iframe>\n"
        "</div>\n\n"
        "<iframe src=\"https://www.youtube.com/embed/BBBBBBBBBBB\" title=\"Iframe title\"></iframe>\n\n"
        "## Heading after\n"));
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> titles = select(dom, QStringLiteral("strong"), QStringLiteral("embed-title"));
    QCOMPARE(titles.size(), 2);
    QCOMPARE(HtmlDom::text(titles.at(0)), QStringLiteral("Inner heading"));
    QCOMPARE(HtmlDom::text(titles.at(1)), QStringLiteral("Inner heading"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<iframe")), context(page));
}

void TestPageLinksAndSafety::videoTimeInFollowingParagraph()
{
    // Authors often leave a blank line between the iframe and its duration.
    const RenderedPage page = renderBody(QStringLiteral("## A talk\n\n<iframe src=\"https://player.vimeo.com/video/123\"></iframe>\n\n"
                                                        "<span class=\"videotime\">12:05</span>\n\nAfter.\n"));
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> durations = select(dom, QStringLiteral("span"), QStringLiteral("embed-duration"));
    QCOMPARE(durations.size(), 1);
    QCOMPARE(HtmlDom::text(durations.first()), QStringLiteral("12:05"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("videotime")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<p></p>")), context(page));
}

// ------------------------------------------------------------------------------------
// Safety and the document

void TestPageLinksAndSafety::scriptsRemoved()
{
    const RenderedPage page = renderBody(QStringLiteral(
        "<script>alert('top')</script>\n\n"
        "<SCRIPT type=\"text/javascript\" src=\"https://evil.example/x.js\"></SCRIPT>\n\n"
        "<p onclick=\"steal()\" ONMOUSEOVER=\"steal()\">Click me</p>\n\n"
        "<img src=\"/img/x.png\" alt=\"x\" onerror=\"steal()\">\n\n"
        "<object data=\"movie.swf\"><param name=\"movie\" value=\"movie.swf\"></object>\n\n"
        "<embed src=\"movie.swf\">\n\n"
        "<base href=\"https://evil.example/\">\n\n"
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">\n\n"
        "<div class=\"box\">\n<script>alert('in raw div')</script>\n</div>\n\n"
        "<div markdown=\"1\">\n**md**\n<script>alert('in markdown div')</script>\n</div>\n\n"
        "<svg onload=\"steal()\"><circle r=\"1\"/></svg>\n\n"
        "Last paragraph.\n"));
    for (const char *absent : {"<script", "<SCRIPT", "alert(", "evil.example", "onclick", "onmouseover", "ONMOUSEOVER", "onerror",
                               "onload", "steal()", "<object", "<param", "<embed", "<base", "refresh"}) {
        QVERIFY2(!page.bodyHtml.contains(QLatin1String(absent)), context(page) + "\nunexpected: " + absent);
        QVERIFY2(!page.documentHtml.contains(QLatin1String(absent)), qPrintable(page.documentHtml + QStringLiteral("\nunexpected: ") + absent));
    }
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<meta")), context(page));  // the template's own <meta>s are in <head>
    for (const char *present : {">Click me</p>", "src=\"course://coursebook/file/img/x.png\"", "<strong>md</strong>", "Last paragraph."})
        QVERIFY2(page.bodyHtml.contains(QLatin1String(present)), context(page) + "\nmissing: " + present);
}

void TestPageLinksAndSafety::documentHasContentSecurityPolicy()
{
    const RenderedPage page = renderBody(QStringLiteral("Text.\n"));
    static const QRegularExpression csp(QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\""));
    const QRegularExpressionMatch m = csp.match(page.documentHtml);
    QVERIFY2(m.hasMatch(), qPrintable(page.documentHtml));
    QVERIFY2(m.captured(1).contains(QLatin1String("default-src 'none'")), qPrintable(m.captured(1)));
    QVERIFY2(!m.captured(1).contains(QLatin1String("script-src")), qPrintable(m.captured(1)));
    // The CSP comes before anything the page could load.
    QVERIFY(page.documentHtml.indexOf(QLatin1String("Content-Security-Policy")) < page.documentHtml.indexOf(QLatin1String("<link")));
    QVERIFY2(page.documentHtml.contains(page.bodyHtml), qPrintable(page.documentHtml));
    QVERIFY(!page.documentHtml.contains(QLatin1String("{{")));
}

void TestPageLinksAndSafety::facilitatorNotes()
{
    const QString body = QStringLiteral("Text.\n\n<div class=\"facilitator-notes\" markdown=\"1\">\n**Say this** first.\n</div>\n");

    const RenderedPage hidden = renderBody(body);
    const HtmlDom dom(hidden.bodyHtml);
    const QVector<xmlNodePtr> notes = select(dom, QStringLiteral("div"), QStringLiteral("facilitator-notes"));
    QCOMPARE(notes.size(), 1);
    QVERIFY2(hidden.bodyHtml.contains(QLatin1String("<strong>Say this</strong>")), context(hidden));
    QVERIFY2(!htmlStartTag(hidden.documentHtml).contains(QLatin1String("show-facilitator-notes")), qPrintable(hidden.documentHtml));

    PageRenderer::Options options;
    options.showFacilitatorNotes = true;
    const RenderedPage shown = renderBody(body, kConfig, options);
    QCOMPARE(shown.bodyHtml, hidden.bodyHtml);
    QVERIFY2(htmlStartTag(shown.documentHtml).contains(QLatin1String("show-facilitator-notes")), qPrintable(shown.documentHtml));
    QCOMPARE(shown.documentHtml.count(QLatin1String("show-facilitator-notes")), 1);

    // Hidden by the stylesheet unless the <html> class asks for them.
    QFile css(QStringLiteral(":/resources/style.css"));
    QVERIFY(css.open(QIODevice::ReadOnly));
    const QString style = QString::fromUtf8(css.readAll());
    QVERIFY(style.contains(QRegularExpression(QStringLiteral("\\.facilitator-notes\\s*\\{[^}]*display:\\s*none"))));
    QVERIFY(style.contains(QLatin1String("html.show-facilitator-notes .facilitator-notes")));
}

void TestPageLinksAndSafety::facilitatorNotesTitleShownOnce()
{
    // The style labels every block "Facilitator notes": the course's own bold title goes,
    // alone in its paragraph or leading one; other bold words stay.
    const RenderedPage alone = renderBody(QStringLiteral(
        "<div class=\"facilitator-notes\" markdown=\"1\">**Facilitator notes**\n\nAllow 30 minutes.\n</div>\n"));
    QVERIFY2(!alone.bodyHtml.contains(QLatin1String("Facilitator notes"), Qt::CaseInsensitive), context(alone));
    QVERIFY2(alone.bodyHtml.contains(QLatin1String("<p>Allow 30 minutes.</p>")), context(alone));

    const RenderedPage leading = renderBody(QStringLiteral(
        "<div class=\"facilitator-notes\" markdown=\"1\">**Facilitator note:** allow 30 minutes.\n</div>\n"));
    QVERIFY2(!leading.bodyHtml.contains(QLatin1String("Facilitator note"), Qt::CaseInsensitive), context(leading));
    QVERIFY2(leading.bodyHtml.contains(QLatin1String("allow 30 minutes.")), context(leading));

    const RenderedPage other = renderBody(QStringLiteral(
        "<div class=\"facilitator-notes\" markdown=\"1\">**Facilitators** should time it.\n</div>\n"
        "\n**Facilitator notes**\n"));
    QCOMPARE(other.bodyHtml.count(QLatin1String("<strong>")), 2);
}

// ------------------------------------------------------------------------------------
// The bundled course

void TestPageLinksAndSafety::bundledCourseRendersCleanly()
{
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    QVERIFY(course.pageCount() > 0);
    const PageRenderer renderer(course);
    for (const CoursePage *source : course.pages()) {
        const RenderedPage page = renderer.render(*source);
        const QByteArray what = source->relativePath.toUtf8() + context(page);
        QVERIFY2(page.diagnostics.isEmpty(), what);
        QVERIFY2(!page.bodyHtml.trimmed().isEmpty(), what);
        for (const char *absent : {"<iframe", "<script", "{{", "{%", "{:", "markdown=", "broken-link", "missing-image", "<!--"})
            QVERIFY2(!page.bodyHtml.contains(QLatin1String(absent)), what + "\nunexpected: " + absent);
    }
}

QTEST_GUILESS_MAIN(TestPageLinksAndSafety)
#include "tst_page_links_and_safety.moc"
