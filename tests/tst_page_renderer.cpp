// Tests for PageRenderer against docs/course-format.md sections 2 and 5: the title and front
// matter, Liquid, kramdown-isms, the warnings a page's problems give and plain text files. Each
// test builds a tiny Course-in-a-Box in a QTemporaryDir (tests/support/RenderFixture.h). Links,
// images, embeds, safety and the bundled course are in tst_page_links_and_safety.cpp.

#include "RenderFixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace RenderFixture;

class TestPageRenderer : public QObject
{
    Q_OBJECT

private slots:
    // ---- title and front matter --------------------------------------------------------
    void frontMatterStrippedAndTitle();
    void firstHeadingEqualToTitleNotDuplicated();
    void firstHeadingDifferentFromTitleKept();
    void titleIsEscapedOnce();
    void firstHeadingEqualToTitleWithPunctuation_data();
    void firstHeadingEqualToTitleWithPunctuation();

    // ---- page bodies (section 2) -------------------------------------------------------
    void bodyConstructs_data();
    void bodyConstructs();
    void rawDivKeepsBlankLineInside();
    void liquidAndLinkWarnings_data();
    void liquidAndLinkWarnings();
    void repeatedProblemsHaveTheirOwnLines();
    void includeSymlinkLeadingOutIsRefused();
    void crlfFile();
    void baseurlSlash();
    void baseurlPrefix();
    void plainTextFile();
};

// ------------------------------------------------------------------------------------
// Title and front matter

void TestPageRenderer::frontMatterStrippedAndTitle()
{
    TestCourse course;
    course.write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"),
                 "---\ntitle: My Page\ntags: [sectionHead]\nlayout: post\n---\nSome **text**.\n");
    QVERIFY(course.isValid());
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("<strong>text</strong>")), context(page));
    for (const char *absent : {"title:", "tags:", "layout:", "sectionHead", "<hr", "---"})
        QVERIFY2(!page.bodyHtml.contains(QLatin1String(absent)), context(page) + absent);
    QCOMPARE(page.title, QStringLiteral("My Page"));
    QVERIFY2(page.documentHtml.contains(QLatin1String("<title>My Page</title>")), qPrintable(page.documentHtml));
    QVERIFY2(page.documentHtml.contains(QRegularExpression(QStringLiteral("<h1[^>]*>My Page</h1>"))), qPrintable(page.documentHtml));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestPageRenderer::firstHeadingEqualToTitleNotDuplicated()
{
    const RenderedPage page = renderBody(QStringLiteral("# Page A\n\nIntro text.\n\n## Later\n"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<h1")), context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("Intro text.")), context(page));
    QCOMPARE(page.documentHtml.count(QRegularExpression(QStringLiteral("<h1\\b"))), 1);
}

void TestPageRenderer::firstHeadingDifferentFromTitleKept()
{
    const RenderedPage page = renderBody(QStringLiteral("# Something else\n\nIntro text.\n"));
    QVERIFY2(page.bodyHtml.contains(QRegularExpression(QStringLiteral("<h1[^>]*>Something else</h1>"))), context(page));
}

void TestPageRenderer::titleIsEscapedOnce()
{
    TestCourse course;
    course.write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"), "---\ntitle: \"Tips &amp; &lt;Tricks&gt;\"\n---\nText.\n");
    QVERIFY(course.isValid());
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QCOMPARE(page.title, QStringLiteral("Tips & <Tricks>"));
    QVERIFY2(page.documentHtml.contains(QLatin1String("<title>Tips &amp; &lt;Tricks&gt;</title>")), qPrintable(page.documentHtml));
}

void TestPageRenderer::firstHeadingEqualToTitleWithPunctuation_data()
{
    QTest::addColumn<QString>("title");    // as written in the front matter
    QTest::addColumn<QString>("heading");  // the body's first line

    QTest::newRow("apostrophe") << "\"What's connected learning?\"" << "# What's connected learning?";
    QTest::newRow("double quotes") << "'The \"why\" of it'" << "# The \"why\" of it";
    QTest::newRow("entity") << "\"Tips &amp; Tricks\"" << "# Tips & Tricks";
    QTest::newRow("dashes") << "\"Part 1 -- the basics\"" << "# Part 1 -- the basics";
    QTest::newRow("case and spaces") << "\"Getting  Started\"" << "# Getting started ";
}

void TestPageRenderer::firstHeadingEqualToTitleWithPunctuation()
{
    QFETCH(QString, title);
    QFETCH(QString, heading);

    TestCourse course;
    course.write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"),
                 (QStringLiteral("---\ntitle: ") + title + QStringLiteral("\n---\n") + heading + QStringLiteral("\n\nText.\n")).toUtf8());
    QVERIFY(course.isValid());
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<h1")), context(page) + "\ntitle: " + page.title.toUtf8());
    QCOMPARE(page.documentHtml.count(QRegularExpression(QStringLiteral("<h1\\b"))), 1);
}

// ------------------------------------------------------------------------------------
// Page bodies

void TestPageRenderer::bodyConstructs_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("present");  // substrings of bodyHtml
    QTest::addColumn<QStringList>("absent");

    // ---- <div markdown="1"> and raw divs
    QTest::newRow("div markdown=1") << "<div class=\"callout\" markdown=\"1\">\n**x** and *y*\n</div>\n"
                                    << QStringList{"<strong>x</strong>", "<em>y</em>", "class=\"callout\""}
                                    << QStringList{"markdown=", "**"};
    QTest::newRow("div markdown=block") << "<div class=\"callout tips\" markdown=\"block\">\n## Tip\n\n**x**\n</div>\n"
                                        << QStringList{"<strong>x</strong>", ">Tip</h2>", "class=\"callout tips\""}
                                        << QStringList{"markdown=", "**", "## Tip"};
    QTest::newRow("div markdown='1'") << "<div class='callout' markdown='1'>\n**x**\n</div>\n"
                                      << QStringList{"<strong>x</strong>"} << QStringList{"markdown="};
    QTest::newRow("indented inside of markdown div")
        << "<div markdown=\"1\">\n    **x**\n\n    - one\n</div>\n" << QStringList{"<strong>x</strong>", "<li>one</li>"}
        << QStringList{"<pre", "<code"};
    QTest::newRow("raw div") << "<div class=\"raw\">\n**x** stays\n</div>\n\nOutside **bold**.\n"
                             << QStringList{"**x** stays", "<strong>bold</strong>"} << QStringList{"<strong>x</strong>"};
    QTest::newRow("raw div holding markdown div")
        << "<div class=\"outer\">\n**outer**\n<div class=\"inner\" markdown=\"1\">\n*inner*\n</div>\n</div>\n"
        << QStringList{"**outer**", "<em>inner</em>", "class=\"outer\"", "class=\"inner\""} << QStringList{"markdown="};
    QTest::newRow("markdown div holding raw div")
        << "<div class=\"activity\" markdown=\"1\">\n**a**\n\n<div class=\"raw\">\n**b**\n</div>\n\n**c**\n</div>\n"
        << QStringList{"<strong>a</strong>", "**b**", "<strong>c</strong>"} << QStringList{"<strong>b</strong>"};
    QTest::newRow("markdown div in markdown div")
        << "<div class=\"activity\" markdown=\"1\">\n### Task\n\n<div class=\"tips\" markdown=\"1\">\n- **one**\n- two\n</div>\n\nAfter\n</div>\n"
        << QStringList{">Task</h3>", "<li><strong>one</strong></li>", "<p>After</p>"} << QStringList{"markdown=", "###"};
    QTest::newRow("markdown div keeps its attributes")
        << "<div class=\"callout activity\" id=\"kwl-intro\" data-kind=\"kwl\" markdown=\"1\">\n## KWL\n</div>\n"
        << QStringList{"class=\"callout activity\"", "id=\"kwl-intro\"", "data-kind=\"kwl\"", ">KWL</h2>"}
        << QStringList{"markdown="};
    QTest::newRow("markdown div closed on its last line") << "<div class=\"tips\" markdown=\"1\">\n**x**</div>\n\nAfter.\n"
                                                          << QStringList{"<strong>x</strong>", "<p>After.</p>"}
                                                          << QStringList{"markdown=", "&lt;/div&gt;"};
    QTest::newRow("fenced code with a div inside a markdown div")
        << "<div class=\"tips\" markdown=\"1\">\n```html\n<div class=\"example\">\n```\n**x**\n</div>\n\n**After**\n"
        << QStringList{"&lt;div class=\"example\"&gt;", "<strong>x</strong>", "<p><strong>After</strong></p>"}
        << QStringList{"markdown=", "&lt;/div&gt;", "<div class=\"example\">"};
    QTest::newRow("fenced code with a closing div inside a markdown div")
        << "<div class=\"tips\" markdown=\"1\">\n```html\n</div>\n```\n**x**\n</div>\n\n**After**\n"
        << QStringList{"&lt;/div&gt;", "<strong>x</strong>", "<p><strong>After</strong></p>"}
        << QStringList{"markdown=", "**", "```"};
    QTest::newRow("details with markdown")
        << "<details markdown=\"1\">\n<summary>More</summary>\n\n**hidden** detail\n</details>\n"
        << QStringList{"<details", "<summary>More</summary>", "<strong>hidden</strong>"} << QStringList{"markdown="};

    // ---- attribute lists
    QTest::newRow("attribute list after link")
        << "[Site](https://example.org/){:target=\"_blank\"} and more.\n"
        << QStringList{"href=\"https://example.org/\"", " and more."} << QStringList{"{:", "target", "_blank"};
    QTest::newRow("attribute list with id and class") << "A paragraph.\n{: #intro .lead}\n"
                                                      << QStringList{"A paragraph."} << QStringList{"{:", "#intro", ".lead"};
    QTest::newRow("attribute list with curly quotes")
        << "[Site](https://example.org/){:target=”_blank”} and more.\n"
        << QStringList{"href=\"https://example.org/\"", " and more."} << QStringList{"{:", "”_blank”", "_blank"};
    QTest::newRow("attribute list after heading") << "## Contents\n{:.no_toc}\n\nText.\n" << QStringList{">Contents</h2>"}
                                                  << QStringList{"{:", "no_toc"};
    QTest::newRow("header id") << "## Getting started {#start}\n\nText.\n" << QStringList{">Getting started</h2>"}
                               << QStringList{"{#", "#start"};
    QTest::newRow("kramdown comment") << "Shown.\n\n{::comment}\nRetired **text**.\n{:/comment}\n\nAlso {::comment}old{:/} shown.\n"
                                      << QStringList{"<p>Shown.</p>", "Also  shown."} << QStringList{"Retired", "old", "{:"};
    QTest::newRow("kramdown nomarkdown") << "{::nomarkdown}<span class=\"x\">raw</span>{:/nomarkdown}\n"
                                         << QStringList{"<span class=\"x\">raw</span>"} << QStringList{"{:", "nomarkdown"};
    QTest::newRow("two attribute lists on a line")
        << "[One](https://example.org/1){:target=\"_blank\"} and [two](https://example.org/2){: target=\"_blank\"}\n"
        << QStringList{"href=\"https://example.org/1\"", "href=\"https://example.org/2\""} << QStringList{"{:", "_blank"};

    // ---- Liquid
    QTest::newRow("site.title") << "Welcome to {{ site.title }} by {{site.author}}.\n"
                                << QStringList{"Welcome to Test Site by Ada."} << QStringList{"{{", "}}"};
    QTest::newRow("site.baseurl image") << "![x]({{ site.baseurl }}/img/x.png)\n"
                                        << QStringList{"src=\"course://coursebook/file/img/x.png\""} << QStringList{"{{", "baseurl"};
    QTest::newRow("site.url and site.baseurl link") << "[handout]({{ site.url }}{{ site.baseurl }}/docs/handout.pdf)\n"
                                                    << QStringList{"href=\"course://coursebook/file/docs/handout.pdf\""}
                                                    << QStringList{"{{", "site.url"};
    QTest::newRow("raw") << "Use {% raw %}{{ x }} and {% if y %}{% endraw %} literally.\n"
                         << QStringList{"Use {{ x }} and {% if y %} literally."} << QStringList{"raw %}"};
    QTest::newRow("include") << "Before.\n\n{% include note.html %}\n\nAfter.\n"
                             << QStringList{"<aside class=\"note\">Included note</aside>", "Before.", "After."}
                             << QStringList{"{%", "include"};

    // ---- comments
    QTest::newRow("inline comment") << "Visible <!-- secret note --> text.\n" << QStringList{"Visible", "text."}
                                    << QStringList{"secret", "<!--"};
    QTest::newRow("comment holding an iframe")
        << "<!--\n<iframe src=\"https://www.youtube.com/embed/abcdef\"></iframe>\n<span class=\"videotime\">1:00</span>\n-->\n\nShown.\n"
        << QStringList{"Shown."} << QStringList{"iframe", "embed-card", "youtube", "1:00", "<!--", "-->"};
    QTest::newRow("comment in raw div") << "<div class=\"box\">\n<!-- hidden -->\n<p>kept</p>\n</div>\n" << QStringList{"kept"}
                                        << QStringList{"hidden", "<!--"};
    QTest::newRow("comment in markdown div") << "<div markdown=\"1\">\n<!-- hidden -->\n**kept**\n</div>\n"
                                             << QStringList{"<strong>kept</strong>"} << QStringList{"hidden", "<!--"};

    // ---- text that must survive
    QTest::newRow("tabs") << "Name:\tvalue\n\n-\titem one\n" << QStringList{"Name:\tvalue", "<li>item one</li>"}
                          << QStringList{};
    QTest::newRow("unicode")
        << "“Quoted” — it’s ünïcode 😀 日本語 Ελληνικά العربية हिन्दी\n"
        << QStringList{"“Quoted” — it’s ünïcode 😀 日本語 Ελληνικά العربية हिन्दी"} << QStringList{"&#"};
    QTest::newRow("wiki links") << "See [[Other Page]] and [[target|Shown text]].\n"
                                << QStringList{"See Other Page and Shown text."} << QStringList{"[[", "]]", "target"};

    // ---- fenced code is literal
    QTest::newRow("fenced code") << "```html\n<!-- kept -->\n<div markdown=\"1\">**no**</div>\n{: x}\n[[not a link]]\n```\n"
                                 << QStringList{"&lt;!-- kept --&gt;", "{: x}", "&lt;div markdown=\"1\"&gt;**no**",
                                                "[[not a link]]"}
                                 << QStringList{"<strong>"};
    QTest::newRow("tilde fence") << "~~~\n<!-- kept -->\n{:target=\"_blank\"}\n~~~\n"
                                 << QStringList{"&lt;!-- kept --&gt;", "{:target=\"_blank\"}"} << QStringList{};

    // ---- kramdown pipe tables (cmark-gfm's table extension)
    QTest::newRow("pipe table") << "| Setting | Who | Score |\n|:--|:-:|--:|\n| *School* | teachers | 3 |\n| Home | family \\| friends | 4 |\n"
                                << QStringList{"<th align=\"left\">Setting</th>", "<th align=\"center\">Who</th>",
                                               "<td align=\"left\"><em>School</em></td>", "<td align=\"center\">family | friends</td>",
                                               "<td align=\"right\">4</td>"}
                                << QStringList{"|:--", "| Home"};
    QTest::newRow("pipe table in a markdown div") << "<div class=\"callout\" markdown=\"1\">\n| A | B |\n|---|---|\n| 1 | 2 |\n</div>\n"
                                                  << QStringList{"<th>A</th>", "<td>2</td>"} << QStringList{"|---"};
    QTest::newRow("pipes in code stay text") << "```\n| A | B |\n|---|---|\n```\n"
                                             << QStringList{"| A | B |"} << QStringList{"<table>"};
    QTest::newRow("no URL autolinks (kramdown has none)") << "See www.example.org today.\n"
                                                          << QStringList{"See www.example.org today."} << QStringList{"<a "};
}

void TestPageRenderer::bodyConstructs()
{
    QFETCH(QString, body);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    const RenderedPage page = renderBody(body);
    for (const QString &s : present)
        QVERIFY2(page.bodyHtml.contains(s), context(page) + "\nmissing: " + s.toUtf8());
    for (const QString &s : absent)
        QVERIFY2(!page.bodyHtml.contains(s), context(page) + "\nunexpected: " + s.toUtf8());
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestPageRenderer::rawDivKeepsBlankLineInside()
{
    const RenderedPage page = renderBody(QStringLiteral(
        "<div class=\"raw\">\n<p>**first**</p>\n\n**second** part\n\n    <p>indented</p>\n</div>\n\nAfter the div.\n"));
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> divs = select(dom, QStringLiteral("div"), QStringLiteral("raw"));
    QCOMPARE(divs.size(), 1);
    QVERIFY2(HtmlDom::text(divs.first()).contains(QLatin1String("**first**")), context(page));
    QVERIFY2(HtmlDom::text(divs.first()).contains(QLatin1String("**second** part")), context(page));
    QVERIFY2(!HtmlDom::text(divs.first()).contains(QLatin1String("After the div")), context(page));
    QVERIFY2(HtmlDom::text(divs.first()).contains(QLatin1String("indented")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<strong>")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<pre")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("&lt;")), context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("<p>After the div.</p>")), context(page));
}

void TestPageRenderer::liquidAndLinkWarnings_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("bodyLine");        // line of the problem within the body
    QTest::addColumn<QStringList>("message");  // substrings of the warning
    QTest::addColumn<QStringList>("absent");   // substrings not in bodyHtml

    QTest::newRow("missing include") << "Intro.\n\n{% include missing.html %}\n\nAfter.\n" << 3
                                     << QStringList{"missing.html"} << QStringList{"{%", "include"};
    QTest::newRow("include outside _includes") << "Intro.\n\n{% include ../_config.yml %}\n" << 3 << QStringList{"_config.yml"}
                                               << QStringList{"Test Site", "baseurl"};
    QTest::newRow("include of an absolute path") << "Intro.\n\n{% include /etc/hostname %}\n" << 3
                                                 << QStringList{"/etc/hostname"} << QStringList{};
    QTest::newRow("unknown tag") << "Line one.\n\nLine three.\n\nBefore {% if x %}shown{% endif %} after.\n" << 5
                                 << QStringList{"if"} << QStringList{"{%", "%}", "endif"};
    QTest::newRow("unknown tag after raw block")
        << "{% raw %}\n{{ a }}\n{% endraw %}\n\n{% assign x = 1 %}\n" << 5 << QStringList{"assign"}
        << QStringList{"{% assign", "x = 1"};
    QTest::newRow("unknown tag after include") << "{% include note.html %}\n\n{% for p in site.pages %}\nText\n{% endfor %}\n"
                                               << 3 << QStringList{"for"} << QStringList{"{%"};
    QTest::newRow("broken page link") << "Text.\n\nSee [gone](../missing-page/).\n" << 3
                                      << QStringList{"broken link", "missing-page"} << QStringList{"href=\"../missing-page/\""};
    QTest::newRow("broken link with non-Latin path") << "Text.\n\nSee [gone](../café-日本/).\n" << 3
                                                     << QStringList{"broken link"} << QStringList{"href="};
    QTest::newRow("broken link in raw div") << "<div class=\"box\">\n<p>Text</p>\n<a href=\"/modules/m/zzz/\">gone</a>\n</div>\n" << 3
                                            << QStringList{"broken link", "zzz"} << QStringList{"href="};
    QTest::newRow("file link") << "Text.\n\n[secrets](file:///etc/passwd)\n" << 3 << QStringList{"file:///etc/passwd"}
                               << QStringList{"href="};
    QTest::newRow("javascript link") << "Text.\n\n\n[click](javascript:alert(1))\n" << 4
                                     << QStringList{"javascript:"} << QStringList{"href="};
    QTest::newRow("raw javascript link") << "<p><a href=\"javascript:alert(1)\">click</a></p>\n" << 1
                                         << QStringList{"javascript:"} << QStringList{"href="};
    QTest::newRow("missing image") << "Text.\n\nMore.\n\n![A diagram of things](/img/nothing.png)\n" << 5
                                   << QStringList{"missing image", "nothing.png"} << QStringList{"<img"};
}

void TestPageRenderer::liquidAndLinkWarnings()
{
    QFETCH(QString, body);
    QFETCH(int, bodyLine);
    QFETCH(QStringList, message);
    QFETCH(QStringList, absent);

    const RenderedPage page = renderBody(body);
    const Diagnostic *d = findDiagnostic(page, message);
    QVERIFY2(d, context(page));
    QCOMPARE(d->severity, Diagnostic::Severity::Warning);
    QCOMPARE(d->file, QStringLiteral("modules/m/_posts/2020-01-01-a.md"));
    QCOMPARE(d->line, kFrontMatterLines + bodyLine);
    QCOMPARE(page.diagnostics.size(), 1);
    for (const QString &s : absent)
        QVERIFY2(!page.bodyHtml.contains(s), context(page) + "\nunexpected: " + s.toUtf8());
}

void TestPageRenderer::repeatedProblemsHaveTheirOwnLines()
{
    const RenderedPage page = renderBody(QStringLiteral("[gone](../nowhere/)\n\n![pic](/img/nothing.png)\n\n"
                                                        "Again: [gone](../nowhere/)\n\n![pic](/img/nothing.png)\n"));
    QCOMPARE(page.diagnostics.size(), 4);
    QList<int> lines;
    for (const Diagnostic &d : page.diagnostics)
        lines << d.line - kFrontMatterLines;
    std::sort(lines.begin(), lines.end());
    QCOMPARE(lines, (QList<int>{1, 3, 5, 7}));
}

void TestPageRenderer::includeSymlinkLeadingOutIsRefused()
{
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    QVERIFY(writeFile(outside.filePath(QStringLiteral("secret.txt")), "top secret\n"));
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("{% include leak.html %}\n"));
    QVERIFY(course.isValid());
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.txt")), course.path() + QStringLiteral("/_includes/leak.html")));
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("top secret")), context(page));
    QVERIFY2(findDiagnostic(page, {QStringLiteral("leak.html")}), context(page));
}

void TestPageRenderer::crlfFile()
{
    TestCourse course;
    course.write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"),
                 "---\r\ntitle: Page A\r\n---\r\n# Page A\r\n\r\n<div class=\"callout\" markdown=\"1\">\r\n**bold**\r\n</div>\r\n"
                 "\r\n{% if x %}\r\n");
    QVERIFY(course.isValid());
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("<strong>bold</strong>")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1Char('\r')), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("<h1")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("markdown=")), context(page));
    QCOMPARE(page.diagnostics.size(), 1);
    QCOMPARE(page.diagnostics.first().line, 10);
}

void TestPageRenderer::baseurlSlash()
{
    const RenderedPage page = renderBody(QStringLiteral("![one]({{ site.baseurl }}/img/x.png)\n\n![two](//img/x.png)\n\n"
                                                        "[page](//modules/m/b/)\n\n<img src=\"//img/x.png\" alt=\"three\">\n"),
                                         "title: T\nbaseurl: /\n");
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> images = select(dom, QStringLiteral("img"));
    QCOMPARE(images.size(), 3);
    for (xmlNodePtr img : images)
        QCOMPARE(HtmlDom::attribute(img, "src"), QStringLiteral("course://coursebook/file/img/x.png"));
    xmlNodePtr link = anchorWithText(dom, QStringLiteral("page"));
    QVERIFY2(link, context(page));
    QCOMPARE(HtmlDom::attribute(link, "href"), QStringLiteral("course://coursebook/page/m/b"));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestPageRenderer::baseurlPrefix()
{
    const RenderedPage page = renderBody(QStringLiteral("![one](/my-course/img/x.png)\n\n[page](/my-course/modules/m/b/)\n\n"
                                                        "[home]({{ site.baseurl }}/custom/c/)\n"),
                                         "title: T\nbaseurl: /my-course\n");
    const HtmlDom dom(page.bodyHtml);
    const QVector<xmlNodePtr> images = select(dom, QStringLiteral("img"));
    QCOMPARE(images.size(), 1);
    QCOMPARE(HtmlDom::attribute(images.first(), "src"), QStringLiteral("course://coursebook/file/img/x.png"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("page")), "href"), QStringLiteral("course://coursebook/page/m/b"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("home")), "href"), QStringLiteral("course://coursebook/page/m/c"));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestPageRenderer::plainTextFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(path, "[bookmark: _GoBack]\n"
                            "This is the first paragraph, typed in a word processor and saved as text.\n"
                            "\n"
                            "A second paragraph follows [bookmark: _Ref123] here. See [[Another note]].\n"
                            "A third line stays its own paragraph.\n"));
    const Course course = CourseLoader::load(path);
    QCOMPARE(course.pageCount(), 1);
    const CoursePage *source = course.pages().first();
    const RenderedPage page = PageRenderer(course).render(*source);
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("bookmark")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("_GoBack")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("[[")), context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("<p>This is the first paragraph, typed in a word processor and saved as text.</p>")),
             context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("A second paragraph follows  here. See Another note.")), context(page));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("<p>A third line stays its own paragraph.</p>")), context(page));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));

    // A .txt with Markdown structure is Markdown, and still loses its bookmarks.
    QVERIFY(writeFile(path, "# Heading\n\n[bookmark: _GoBack]\n**bold** text\n"));
    const Course markdownCourse = CourseLoader::load(path);
    const RenderedPage markdownPage = PageRenderer(markdownCourse).render(*markdownCourse.pages().first());
    QVERIFY2(markdownPage.bodyHtml.contains(QLatin1String("<strong>bold</strong>")), context(markdownPage));
    QVERIFY2(!markdownPage.bodyHtml.contains(QLatin1String("bookmark")), context(markdownPage));
}

QTEST_GUILESS_MAIN(TestPageRenderer)
#include "tst_page_renderer.moc"
