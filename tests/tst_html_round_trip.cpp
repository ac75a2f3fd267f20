// Issue 16: the sanitizer skips its second parse when HtmlRoundTrip vouches that the tree's
// markup reads back as itself. That must never be said of a tree that reads back otherwise
// (it would let mutation XSS through), and must be said of course pages (or nothing is saved).
// Every claim is checked against gumbo, the HTML5 parsing algorithm: the markup is parsed
// again, cleaned and written out, and must come back the same.

#include "CourseLoader.h"
#include "HtmlDom.h"
#include "HtmlRoundTrip.h"
#include "HtmlSanitizer.h"
#include "PageRenderer.h"

#include <QRandomGenerator>
#include <QTest>

#include <functional>

namespace {

const xmlChar *x(const char *text) { return reinterpret_cast<const xmlChar *>(text); }

xmlNodePtr add(xmlNodePtr parent, const char *name)
{
    return xmlAddChild(parent, xmlNewDocNode(parent->doc, nullptr, x(name), nullptr));
}

void addText(xmlNodePtr parent, const char *text)
{
    xmlAddChild(parent, xmlNewDocText(parent->doc, x(text)));
}

// What a browser gets from the tree's markup, parsed, cleaned and written out again.
QString readBack(const QString &html)
{
    HtmlDom reread(html);
    const HtmlSanitizer::Findings findings = HtmlSanitizer::clean(reread);
    return findings.isEmpty() ? reread.bodyHtml() : QStringLiteral("(cleaned again) ") + reread.bodyHtml();
}

// Names the generator uses: what pages hold, what the allowlist drops or unwraps, and the
// elements the tree builder treats specially.
const QStringList kNames = QStringLiteral(
    "p div span a em strong b i code pre ul ol li dl dt dd table caption colgroup col thead tbody tfoot tr td th h1 h2 h3 "
    "blockquote details summary figure figcaption img br hr input video audio source track section aside ruby rt rp "
    "form button select option textarea svg math script style template nobr font center marquee small sub")
                                  .split(QLatin1Char(' '));
const QStringList kTexts = {QStringLiteral("words"), QStringLiteral(" "), QStringLiteral("\n"), QStringLiteral("a < b & c > d"),
                            QStringLiteral("\nled by a line feed"), QStringLiteral("tab\there"), QStringLiteral("cr\rlf"),
                            QStringLiteral("caf\u00e9 \u2013 \u00ab\u00bb"), QStringLiteral("\u0085 next line"),
                            QStringLiteral("&amp; &lt;p&gt;"), QStringLiteral("]]> --> <!--"),
                            QStringLiteral("it's \"quoted\""), QStringLiteral("&#60;x&#x3e; &notin; &"), QStringLiteral("\t\n ")};
const QStringList kAttributes = {
    QStringLiteral("class=\"x\""), QStringLiteral("href=\"/a b\""), QStringLiteral("href=\"course://coursebook/page/x\""),
    QStringLiteral("href=\"https://example.org/?a=1&amp;b=2\""), QStringLiteral("src=\"caf\u00e9.png\""),
    QStringLiteral("title='say \"hi\"'"), QStringLiteral("checked"), QStringLiteral("type=checkbox"), QStringLiteral("open"),
    QStringLiteral("data-x=\"&lt;b&gt;\""), QStringLiteral("id=a id=b"), QStringLiteral("href=\"  /lead\"")};

const QList<const char *> kPropertyNames = {"class", "title", "href", "src", "checked", "data-x"};

template <typename T>
const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(list.size()));
}

// Tags and text in random order: unclosed, misnested, stray end tags. Gumbo makes a tree of
// anything, and the tree is what the renderer then changes.
QString randomMarkup(QRandomGenerator &random)
{
    QString html;
    QStringList open;
    for (int token = random.bounded(4, 24); token > 0; --token) {
        const int kind = random.bounded(10);
        if (kind < 4) {
            const QString name = pick(random, kNames);
            html += QLatin1Char('<') + name;
            for (int n = random.bounded(3); n > 0; --n)
                html += QLatin1Char(' ') + pick(random, kAttributes);
            html += QLatin1Char('>');
            open.append(name);
        } else if (kind < 7 && !open.isEmpty()) {
            html += QStringLiteral("</") + (random.bounded(4) ? open.takeLast() : pick(random, kNames)) + QLatin1Char('>');
        } else {
            html += pick(random, kTexts).toHtmlEscaped().replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        }
    }
    return html;
}

// Shapes a parser never makes, as the renderer's own steps might: an element moved under
// another, one added anywhere, text with a leading line feed, an attribute added.
void mutate(QRandomGenerator &random, HtmlDom &dom)
{
    for (int n = random.bounded(3); n > 0; --n) {
        const QVector<xmlNodePtr> elements = HtmlDom::elements(dom.body());
        xmlNodePtr target = elements.isEmpty() || random.bounded(4) == 0 ? dom.body() : pick(random, elements);
        switch (random.bounded(4)) {
        case 0: {
            if (elements.isEmpty())
                break;
            xmlNodePtr moved = pick(random, elements);
            bool cycle = false;
            for (xmlNodePtr up = target; up; up = up->parent)
                cycle = cycle || up == moved;
            if (!cycle) {
                xmlUnlinkNode(moved);
                xmlAddChild(target, moved);
            }
            break;
        }
        case 1:
            xmlAddChild(target, dom.createElement(pick(random, kNames).toUtf8().constData(), QString(), pick(random, kTexts)));
            break;
        case 2:
            HtmlDom::appendText(target, pick(random, kTexts));
            break;
        default:
            // xmlNewProp adds, where setAttribute would replace: two of a name are possible too.
            if (target != dom.body()) {
                const QByteArray value = pick(random, kTexts).toUtf8();
                xmlNewProp(target, x(pick(random, kPropertyNames)), x(value.constData()));
            }
            break;
        }
    }
}

}  // namespace

class TestHtmlRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void vouchesOnlyForMarkupThatReadsBack();
    void refusesShapesTheParserMoves_data();
    void refusesShapesTheParserMoves();
    void refusesWhatItCannotTell();
    void vouchesForWhatPagesHold();
    void vouchesForEveryBundledPage();
};

void TestHtmlRoundTrip::vouchesOnlyForMarkupThatReadsBack()
{
    // The same trees every run; SEED=n explores others.
    QRandomGenerator random(qEnvironmentVariableIntValue("SEED") + 16);
    int vouched = 0, refusedAndDiffering = 0;
    for (int round = 0; round < 30000; ++round) {
        const QString markup = randomMarkup(random);
        HtmlDom dom(markup);
        HtmlSanitizer::clean(dom);
        mutate(random, dom);
        HtmlSanitizer::clean(dom);
        const QString html = dom.bodyHtml();
        const QString back = readBack(html);
        if (!HtmlRoundTrip::readsBackUnchanged(dom.body())) {
            refusedAndDiffering += back != html;
            continue;
        }
        ++vouched;
        QVERIFY2(back == html, qPrintable(QStringLiteral("from: %1\nwritten: %2\nread back: %3").arg(markup, html, back)));
    }
    qInfo("%d trees vouched for, %d refused that read back otherwise", vouched, refusedAndDiffering);
    // The trees were varied enough to matter: many vouched for, many that truly read back otherwise.
    QVERIFY2(vouched > 5000, qPrintable(QString::number(vouched)));
    QVERIFY2(refusedAndDiffering > 2000, qPrintable(QString::number(refusedAndDiffering)));
}

void TestHtmlRoundTrip::refusesShapesTheParserMoves_data()
{
    QTest::addColumn<std::function<void(xmlNodePtr)>>("build");
    QTest::newRow("block in a paragraph") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) { add(add(body, "p"), "div"); });
    QTest::newRow("table in a paragraph") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        add(add(add(add(add(body, "p"), "table"), "tbody"), "tr"), "td");
    });
    QTest::newRow("block in a link in a paragraph") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(add(body, "p"), "a"), "ul"), "x");
    });
    QTest::newRow("heading in a heading") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(body, "h2"), "h3"), "x");
    });
    QTest::newRow("list item in a list item's div") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(add(add(body, "ul"), "li"), "div"), "li"), "x");
    });
    QTest::newRow("row straight in a table") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(add(body, "table"), "tr"), "td"), "x");
    });
    QTest::newRow("text in a table") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) { addText(add(body, "table"), "lost"); });
    QTest::newRow("cell outside a table") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(body, "div"), "td"), "x");
    });
    QTest::newRow("link in a link") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(add(body, "a"), "span"), "a"), "x");
    });
    QTest::newRow("line feed opening a pre") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(body, "pre"), "\ncode");
    });
    QTest::newRow("rule in a paragraph") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) { add(add(body, "p"), "hr"); });
    QTest::newRow("term outside a list") << std::function<void(xmlNodePtr)>([](xmlNodePtr body) {
        addText(add(add(add(add(body, "dl"), "dd"), "span"), "dt"), "x");
    });
}

void TestHtmlRoundTrip::refusesShapesTheParserMoves()
{
    QFETCH(std::function<void(xmlNodePtr)>, build);
    HtmlDom dom(QString{});
    build(dom.body());
    const QString html = dom.bodyHtml();
    QVERIFY2(readBack(html) != html, qPrintable(html));  // the shape does read back otherwise
    QVERIFY2(!HtmlRoundTrip::readsBackUnchanged(dom.body()), qPrintable(html));
}

void TestHtmlRoundTrip::refusesWhatItCannotTell()
{
    // Each may read back as it is; HtmlRoundTrip cannot tell from the tree, so the parser does.
    HtmlDom comment(QStringLiteral("<p>x</p>"));
    xmlAddChild(comment.body(), xmlNewDocComment(comment.body()->doc, x("note")));
    QVERIFY(!HtmlRoundTrip::readsBackUnchanged(comment.body()));
    HtmlDom svg(QStringLiteral("<p>x</p><svg><circle r=1></circle></svg>"));
    QVERIFY(!HtmlRoundTrip::readsBackUnchanged(svg.body()));
    for (const char *markup : {"<a href=\"/a b\">x</a>", "<a href=\"caf\u00e9\">x</a>",
                               "<span data-a\"b=x>x</span>", "<marquee>x</marquee>"}) {
        HtmlDom dom(QString::fromUtf8(markup));
        QVERIFY2(!HtmlRoundTrip::readsBackUnchanged(dom.body()), markup);
    }
    // Characters the parser rewrites: a carriage return, a C1 control (gumbo gives U+FFFD), NUL.
    for (const QString &text : {QStringLiteral("a\rb"), QStringLiteral("a\u0085b"), QStringLiteral("a\x01b")}) {
        HtmlDom dom(QStringLiteral("<p>x</p>"));
        HtmlDom::appendText(dom.body()->children, text);
        QVERIFY2(!HtmlRoundTrip::readsBackUnchanged(dom.body()), qPrintable(dom.bodyHtml()));
    }
    HtmlDom twice(QStringLiteral("<p>x</p>"));
    xmlNodePtr p = twice.body()->children;
    xmlNewProp(p, x("class"), x("a"));
    xmlNewProp(p, x("class"), x("b"));
    QVERIFY(!HtmlRoundTrip::readsBackUnchanged(twice.body()));
}

void TestHtmlRoundTrip::vouchesForWhatPagesHold()
{
    HtmlDom dom(QStringLiteral(
        "<h2 id=\"intro\">Intro</h2><p>Text with <a href=\"course://coursebook/page/m1/p2\">a link</a>, <em>em</em>, "
        "<strong>strong</strong>, <code>code</code> and <img src=\"course://coursebook/file/img/x.png\" alt=\"x\"><br>next.</p>"
        "<ul><li><p>item</p><ul><li><input type=\"checkbox\" checked> nested</li></ul></li></ul><ol start=\"3\"><li>three</li></ol>"
        "<table><thead><tr><th align=\"left\">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        "<blockquote><p>quoted</p></blockquote><pre><code>x &lt; y\n</code></pre><hr>"
        "<details open><summary>More</summary><p>hidden</p></details><figure><img src=\"a.png\" alt=\"\"><figcaption>c</figcaption></figure>"
        "<dl><dt>term</dt><dd>meaning</dd></dl><div class=\"callout\" data-kind=\"kwl\" aria-label=\"l\"><h3>Task</h3><p>do</p></div>"
        "<video controls><source src=\"course://coursebook/file/v.webm\" type=\"video/webm\"><track kind=\"captions\" src=\"c.vtt\"></video>"));
    QVERIFY(HtmlSanitizer::clean(dom).isEmpty());
    QVERIFY(HtmlRoundTrip::readsBackUnchanged(dom.body()));
    QCOMPARE(readBack(dom.bodyHtml()), dom.bodyHtml());
}

void TestHtmlRoundTrip::vouchesForEveryBundledPage()
{
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    const PageRenderer renderer(course);
    QVERIFY(course.pageCount() > 20);
    for (const CoursePage *page : course.pages()) {
        HtmlDom dom(renderer.renderBody(*page).bodyHtml);
        QVERIFY2(HtmlSanitizer::clean(dom).isEmpty(), qPrintable(page->relativePath));
        QVERIFY2(HtmlRoundTrip::readsBackUnchanged(dom.body()), qPrintable(page->relativePath));
        QVERIFY2(readBack(dom.bodyHtml()) == dom.bodyHtml(), qPrintable(page->relativePath));
    }
}

QTEST_GUILESS_MAIN(TestHtmlRoundTrip)
#include "tst_html_round_trip.moc"
