// Tests for PageRenderer against docs/course-format.md sections 2, 3 and 5 (and the
// facilitator notes of section 6): Liquid, kramdown-isms, links and images, offline embed
// cards, script removal and the page document. Each test builds a tiny Course-in-a-Box in a
// QTemporaryDir; the last test renders every page of the bundled course.

#include "CourseLoader.h"
#include "HtmlDom.h"
#include "PageRenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

// Lines before the body of every page written by TestCourse::addPage: "---", "title: ...", "---".
constexpr int kFrontMatterLines = 3;

constexpr auto kConfig = "title: \"Test Site\"\nbaseurl: \"\"\nauthor: Ada\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(bytes) == bytes.size();
}

// A Course-in-a-Box with one module "m": page a (the page under test), page b, page c
// (permalink /custom/c/), an include, and a few asset files.
class TestCourse
{
public:
    explicit TestCourse(const QByteArray &config = kConfig)
    {
        write(QStringLiteral("_config.yml"), config);
        write(QStringLiteral("_data/course.yml"), "title: Test Course\nmodules:\n  - m\n");
        addPage(QStringLiteral("2020-01-02-b.md"), QStringLiteral("Page B"), QStringLiteral("## Part two\n\nB text.\n"));
        write(QStringLiteral("modules/m/_posts/2020-01-03-c.md"), "---\ntitle: Page C\npermalink: /custom/c/\n---\nC text.\n");
        write(QStringLiteral("_includes/note.html"), "<aside class=\"note\">Included note</aside>\n");
        write(QStringLiteral("img/x.png"), "\x89PNG\r\n\x1a\n");
        write(QStringLiteral("modules/m/img/y.png"), "\x89PNG\r\n\x1a\n");
        write(QStringLiteral("img/café 日本.png"), "\x89PNG\r\n\x1a\n");
        write(QStringLiteral("docs/handout.pdf"), "%PDF-1.4\n");
    }

    bool isValid() const { return m_dir.isValid() && m_ok; }
    QString path() const { return m_dir.path(); }

    void write(const QString &relativePath, const QByteArray &bytes)
    {
        m_ok = writeFile(m_dir.filePath(relativePath), bytes) && m_ok;
    }

    void addPage(const QString &fileName, const QString &title, const QString &body)
    {
        write(QStringLiteral("modules/m/_posts/") + fileName,
              (QStringLiteral("---\ntitle: ") + title + QStringLiteral("\n---\n") + body).toUtf8());
    }

    Course load() const { return CourseLoader::load(m_dir.path()); }

private:
    QTemporaryDir m_dir;
    bool m_ok = true;
};

RenderedPage renderPage(const Course &course, const QString &pageId, const PageRenderer::Options &options = {})
{
    const CoursePage *page = course.findPage(pageId);
    if (!page) {
        qWarning("no page %s", qPrintable(pageId));
        return {};
    }
    return PageRenderer(course, options).render(*page);
}

// Renders `body` as page m/a ("Page A") of a fresh test course.
RenderedPage renderBody(const QString &body, const QByteArray &config = kConfig, const PageRenderer::Options &options = {})
{
    TestCourse course(config);
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), body);
    if (!course.isValid())
        qWarning("could not write the test course");
    return renderPage(course.load(), QStringLiteral("m/a"), options);
}

QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.isEmpty() ? QStringLiteral("(no diagnostics)") : lines.join(QLatin1Char('\n'));
}

// What a failure shows: the body and the diagnostics.
QByteArray context(const RenderedPage &page)
{
    return (QStringLiteral("\n--- body ---\n") + page.bodyHtml + QStringLiteral("\n--- diagnostics ---\n")
            + dump(page.diagnostics))
        .toUtf8();
}

// The first diagnostic whose message contains every substring (case-insensitive).
const Diagnostic *findDiagnostic(const RenderedPage &page, const QStringList &substrings)
{
    for (const Diagnostic &d : page.diagnostics) {
        bool all = true;
        for (const QString &s : substrings)
            all = all && d.message.contains(s, Qt::CaseInsensitive);
        if (all)
            return &d;
    }
    return nullptr;
}

// Elements named `tag` (any when empty) that carry class `className` (any when empty).
QVector<xmlNodePtr> select(const HtmlDom &dom, const QString &tag, const QString &className = QString())
{
    QVector<xmlNodePtr> found;
    for (xmlNodePtr element : HtmlDom::elements(dom.body())) {
        if ((tag.isEmpty() || HtmlDom::name(element) == tag) && (className.isEmpty() || HtmlDom::hasClass(element, className)))
            found << element;
    }
    return found;
}

// The first <a> whose text is `text`.
xmlNodePtr anchorWithText(const HtmlDom &dom, const QString &text)
{
    for (xmlNodePtr a : select(dom, QStringLiteral("a"))) {
        if (HtmlDom::text(a) == text)
            return a;
    }
    return nullptr;
}

// The <html ...> start tag of a document.
QString htmlStartTag(const QString &document)
{
    static const QRegularExpression tag(QStringLiteral("<html\\b[^>]*>"));
    return tag.match(document).captured(0);
}

}  // namespace

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
                                        << QStringList{"src=\"course:/file/img/x.png\""} << QStringList{"{{", "baseurl"};
    QTest::newRow("site.url and site.baseurl link") << "[handout]({{ site.url }}{{ site.baseurl }}/docs/handout.pdf)\n"
                                                    << QStringList{"href=\"course:/file/docs/handout.pdf\""}
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
        QCOMPARE(HtmlDom::attribute(img, "src"), QStringLiteral("course:/file/img/x.png"));
    xmlNodePtr link = anchorWithText(dom, QStringLiteral("page"));
    QVERIFY2(link, context(page));
    QCOMPARE(HtmlDom::attribute(link, "href"), QStringLiteral("course:/page/m/b"));
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
    QCOMPARE(HtmlDom::attribute(images.first(), "src"), QStringLiteral("course:/file/img/x.png"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("page")), "href"), QStringLiteral("course:/page/m/b"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("home")), "href"), QStringLiteral("course:/page/m/c"));
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

// ------------------------------------------------------------------------------------
// Links, images and embeds

void TestPageRenderer::links_data()
{
    QTest::addColumn<QString>("markdown");  // a link whose text is "L"
    QTest::addColumn<QString>("href");      // expected href; null: none
    QTest::addColumn<QString>("className");  // a class the link must have; empty: none required
    QTest::addColumn<bool>("warns");

    const QString pageB = QStringLiteral("course:/page/m/b");
    const QString handout = QStringLiteral("course:/file/docs/handout.pdf");
    QTest::newRow("relative to page address") << "[L](../b/)" << pageB << QString() << false;
    QTest::newRow("relative without slash") << "[L](../b)" << pageB << QString() << false;
    QTest::newRow("site URL") << "[L](/modules/m/b/)" << pageB << QString() << false;
    QTest::newRow("site URL with fragment") << "[L](/modules/m/b/#part-two)" << pageB + "#part-two" << QString() << false;
    QTest::newRow("site URL index.html") << "[L](/modules/m/b/index.html)" << pageB << QString() << false;
    QTest::newRow("site URL via baseurl") << "[L]({{ site.baseurl }}/modules/m/b/)" << pageB << QString() << false;
    QTest::newRow("file name") << "[L](2020-01-02-b.md)" << pageB << QString() << false;
    QTest::newRow("file name with fragment") << "[L](2020-01-02-b.md#part-two)" << pageB + "#part-two" << QString() << false;
    QTest::newRow("permalink") << "[L](/custom/c/)" << "course:/page/m/c" << QString() << false;
    QTest::newRow("permalink relative") << "[L](../../../custom/c/)" << "course:/page/m/c" << QString() << false;
    QTest::newRow("module URL") << "[L](/modules/m/)" << "course:/page/m/a" << QString() << false;
    QTest::newRow("file relative via course root") << "[L](docs/handout.pdf)" << handout << QString() << false;
    QTest::newRow("file relative via page address") << "[L](../../../docs/handout.pdf)" << handout << QString() << false;
    QTest::newRow("file via site.baseurl") << "[L]({{ site.baseurl }}/img/x.png)" << "course:/file/img/x.png" << QString() << false;
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

void TestPageRenderer::links()
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

void TestPageRenderer::images_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("src");          // expected src of the <img>; empty: no <img> remains
    QTest::addColumn<QString>("placeholder");  // class of the placeholder span when there is no <img>
    QTest::addColumn<bool>("warns");

    QTest::newRow("site.baseurl") << "![x]({{ site.baseurl }}/img/x.png)" << "course:/file/img/x.png" << QString() << false;
    QTest::newRow("absolute") << "![x](/img/x.png)" << "course:/file/img/x.png" << QString() << false;
    QTest::newRow("relative via page address") << "![x](../img/y.png)" << "course:/file/modules/m/img/y.png" << QString() << false;
    QTest::newRow("relative via course root") << "![x](img/x.png)" << "course:/file/img/x.png" << QString() << false;
    QTest::newRow("raw html with site.baseurl") << "<img src=\"{{ site.baseurl }}/img/x.png\" alt=\"x\">" << "course:/file/img/x.png"
                                                << QString() << false;
    QTest::newRow("raw html") << "<img src=\"/img/x.png\" alt=\"x\">" << "course:/file/img/x.png" << QString() << false;
    QTest::newRow("non-Latin file name") << "![x](</img/café 日本.png>)" << "course:/file/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png"
                                         << QString() << false;
    QTest::newRow("percent-encoded file name") << "![x](/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png)"
                                               << "course:/file/img/caf%C3%A9%20%E6%97%A5%E6%9C%AC.png" << QString() << false;
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

void TestPageRenderer::images()
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
    QVERIFY2(!page.bodyHtml.contains(QRegularExpression(QStringLiteral("<img[^>]+src=\"(?!course:/file/|data:image/)"))), context(page));
    if (warns) {
        QCOMPARE(page.diagnostics.size(), 1);
        QVERIFY2(findDiagnostic(page, {QStringLiteral("image")}), context(page));
        QCOMPARE(page.diagnostics.first().line, kFrontMatterLines + 3);
    } else {
        QVERIFY2(page.diagnostics.isEmpty(), context(page));
    }
}

void TestPageRenderer::embeds_data()
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

void TestPageRenderer::embeds()
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

void TestPageRenderer::embedTitleIsNearestHeadingBefore()
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

void TestPageRenderer::videoTimeInFollowingParagraph()
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

void TestPageRenderer::scriptsRemoved()
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
    for (const char *present : {">Click me</p>", "src=\"course:/file/img/x.png\"", "<strong>md</strong>", "Last paragraph."})
        QVERIFY2(page.bodyHtml.contains(QLatin1String(present)), context(page) + "\nmissing: " + present);
}

void TestPageRenderer::documentHasContentSecurityPolicy()
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

void TestPageRenderer::facilitatorNotes()
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

void TestPageRenderer::facilitatorNotesTitleShownOnce()
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

void TestPageRenderer::bundledCourseRendersCleanly()
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

QTEST_GUILESS_MAIN(TestPageRenderer)
#include "tst_page_renderer.moc"
