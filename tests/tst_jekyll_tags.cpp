// Jekyll's own Liquid tags in course pages (docs/course-format.md section 2): {% highlight %}
// is a code block shown literally under its language, {% comment %} is hidden, {% link %} and
// {% post_url %} lead to the page they name. The fixture course tests/data/jekyll-tags holds
// each of them well-formed; a broken target is tried on a page of its own.

#include "CommandLineRun.h"
#include "RenderFixture.h"

#include "TestProcess.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtMath>
#include <QTest>

using namespace RenderFixture;

namespace {
const QString kCourse = QStringLiteral(TESTDATA_DIR "/jekyll-tags");

// The code blocks of a page: each one's label and its code as the learner reads it.
QStringList codeBlocks(const HtmlDom &dom)
{
    QStringList blocks;
    for (xmlNodePtr block : select(dom, QStringLiteral("div"), QStringLiteral("code-block"))) {
        const QVector<xmlNodePtr> labels = select(dom, QStringLiteral("div"), QStringLiteral("code-language"));
        QString label;
        for (xmlNodePtr candidate : labels) {
            if (candidate->parent == block)
                label = HtmlDom::text(candidate);
        }
        QString code;
        for (xmlNodePtr element : HtmlDom::elements(block)) {
            if (HtmlDom::name(element) == QLatin1String("code") && HtmlDom::name(element->parent) == QLatin1String("pre")) {
                xmlChar *text = xmlNodeGetContent(element);  // literal: white space and line breaks kept
                code = QString::fromUtf8(reinterpret_cast<const char *>(text));
                xmlFree(text);
            }
        }
        blocks << label + QStringLiteral(": ") + code;
    }
    return blocks;
}
}  // namespace

class TestJekyllTags : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void highlightIsCodeUnderItsLanguage();
    void highlightedIframeIsTextNotAnEmbed();
    void highlightKeepsFencesAndWhiteSpaceControl();
    void commentIsHidden();
    void linkAndPostUrlLeadToTheirPages();
    void unknownTargetsAreWarningsNamingThem();
    void unclosedHighlightIsAWarning();
    void checkIsQuietOnWellFormedTags();
    void printedWorksheetKeepsTheCodeLineForLine();

private:
    Course m_course;
};

void TestJekyllTags::initTestCase()
{
    m_course = CourseLoader::load(kCourse);
    QVERIFY(m_course.findPage(QStringLiteral("publishing/checklist")));
}

void TestJekyllTags::highlightIsCodeUnderItsLanguage()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("setup/site-settings"));
    const HtmlDom dom(page.bodyHtml);
    const QStringList blocks = codeBlocks(dom);
    QCOMPARE(blocks.size(), 2);
    // Liquid inside stays as typed, like {% raw %}; the YAML keeps its lines.
    QCOMPARE(blocks.at(0), QStringLiteral("YAML: title: \"Gardening for beginners\"\nbaseurl: \"/gardening\"\n"
                                          "# Liquid stays as typed here: {{ site.title }}\nmodules: [soil, seeds]"));
    QVERIFY2(select(dom, QStringLiteral("code"), QStringLiteral("language-yaml")).size() == 1, context(page));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestJekyllTags::highlightedIframeIsTextNotAnEmbed()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("setup/site-settings"));
    const HtmlDom dom(page.bodyHtml);
    QVERIFY2(select(dom, QStringLiteral("figure"), QStringLiteral("embed-card")).isEmpty(), context(page));
    QVERIFY2(select(dom, QStringLiteral("iframe")).isEmpty(), context(page));
    QVERIFY2(select(dom, QStringLiteral("strong")).isEmpty(), context(page));
    // Markup, Markdown and kramdown in the code all reach the learner as written.
    QCOMPARE(codeBlocks(dom).at(1),
             QStringLiteral("HTML: <iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/abc123\" "
                            "allowfullscreen></iframe>\n<p>**not bold**, [[not a wiki link]] and {: .not-an-attribute-list}</p>"));
}

void TestJekyllTags::highlightKeepsFencesAndWhiteSpaceControl()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("publishing/going-live"));
    const HtmlDom dom(page.bodyHtml);
    QCOMPARE(codeBlocks(dom), (QStringList{QStringLiteral("Shell: bundle exec jekyll build"),
                                           QStringLiteral("Markdown: ```\na fence inside the example\n```")}));
    // The fence in the example opened no code block of its own: the text after it is a paragraph.
    QVERIFY2(HtmlDom::text(select(dom, QStringLiteral("p")).last()).startsWith(QStringLiteral("Forgot a setting?")), context(page));
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestJekyllTags::commentIsHidden()
{
    const RenderedPage page = renderPage(m_course, QStringLiteral("setup/site-settings"));
    QVERIFY2(!page.bodyHtml.contains(QStringLiteral("older draft")), context(page));
    QVERIFY2(!page.bodyHtml.contains(QStringLiteral("comment")), context(page));
    // What the comment holds is not read: its unknown tag and value are no problem.
    QVERIFY2(page.diagnostics.isEmpty(), context(page));
}

void TestJekyllTags::linkAndPostUrlLeadToTheirPages()
{
    const RenderedPage settings = renderPage(m_course, QStringLiteral("setup/site-settings"));
    const HtmlDom dom(settings.bodyHtml);
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("going live")), "href"),
             QStringLiteral("course://coursebook/page/publishing/going-live"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("checklist")), "href"),
             QStringLiteral("course://coursebook/page/publishing/checklist"));
    // A post named with the folder that holds its _posts.
    const RenderedPage goingLive = renderPage(m_course, QStringLiteral("publishing/going-live"));
    QCOMPARE(HtmlDom::attribute(anchorWithText(HtmlDom(goingLive.bodyHtml), QStringLiteral("site settings")), "href"),
             QStringLiteral("course://coursebook/page/setup/site-settings"));
}

void TestJekyllTags::unknownTargetsAreWarningsNamingThem()
{
    const RenderedPage page = renderBody(QStringLiteral("Intro.\n\n[gone]({% link modules/m/_posts/2019-09-09-gone.md %})\n\n"
                                                        "[lost]({% post_url 2019-01-01-lost %})\n\n[b]({% post_url 2020-01-02-b %})\n"));
    const Diagnostic *link = findDiagnostic(page, {QStringLiteral("modules/m/_posts/2019-09-09-gone.md")});
    QVERIFY2(link, context(page));
    QCOMPARE(link->line, kFrontMatterLines + 3);
    const Diagnostic *post = findDiagnostic(page, {QStringLiteral("2019-01-01-lost")});
    QVERIFY2(post, context(page));
    QCOMPARE(post->line, kFrontMatterLines + 5);
    QCOMPARE(page.diagnostics.size(), 2);
    const HtmlDom dom(page.bodyHtml);
    QVERIFY(HtmlDom::hasClass(anchorWithText(dom, QStringLiteral("gone")), QStringLiteral("broken-link")));
    QCOMPARE(HtmlDom::attribute(anchorWithText(dom, QStringLiteral("b")), "href"), QStringLiteral("course://coursebook/page/m/b"));
}

void TestJekyllTags::unclosedHighlightIsAWarning()
{
    const RenderedPage page = renderBody(QStringLiteral("Before.\n\n{% highlight ruby %}\nputs 1\n"));
    QVERIFY2(findDiagnostic(page, {QStringLiteral("highlight"), QStringLiteral("endhighlight")}), context(page));
    QCOMPARE(codeBlocks(HtmlDom(page.bodyHtml)), QStringList{QStringLiteral("Ruby: puts 1")});
}

void TestJekyllTags::checkIsQuietOnWellFormedTags()
{
    const CommandLineRun::Run run = CommandLineRun::runApp({QStringLiteral("--course"), kCourse, QStringLiteral("--check")});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.outLines().isEmpty() && run.errLines().isEmpty(), qPrintable(run.describe()));
}

// A code block in an activity's prompt prints as code: its label, each line with its
// indentation, and a line longer than the page wrapped, not cut off.
void TestJekyllTags::printedWorksheetKeepsTheCodeLineForLine()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("pdftotext and pdfinfo (poppler-utils) are not installed");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("settings.pdf"));
    const CommandLineRun::Run run = CommandLineRun::runApp(
        {QStringLiteral("--course"), kCourse, QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--export"), QStringLiteral("pdf"),
         QStringLiteral("--scope"), QStringLiteral("page:publishing/your-settings"), QStringLiteral("--blank"), QStringLiteral("--output"), pdf});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    // Only what is on the paper: a line running past its edge would be cut off there.
    const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+)"))
                                             .match(TestProcess::run(QStringLiteral("pdfinfo"), {pdf}).out);
    QVERIFY(size.hasMatch());
    const QString text = TestProcess::run(QStringLiteral("pdftotext"),
                                          {QStringLiteral("-layout"), QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-x"), QStringLiteral("0"),
                                           QStringLiteral("-y"), QStringLiteral("0"), QStringLiteral("-W"), QString::number(qFloor(size.captured(1).toDouble())),
                                           QStringLiteral("-H"), QString::number(qFloor(size.captured(2).toDouble())), pdf, QStringLiteral("-")})
                             .out;
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n')))
        lines << line.trimmed();
    const qsizetype label = lines.indexOf(QStringLiteral("YAML"));
    QVERIFY2(label >= 0, qPrintable(text));
    QStringList code = lines.mid(label + 1).join(QLatin1Char('\n')).trimmed().split(QLatin1Char('\n')).mid(0, 4);
    QCOMPARE(code.mid(0, 2), (QStringList{QStringLiteral("title: \"My course\""), QStringLiteral("modules:")}));
    QVERIFY2(text.contains(QStringLiteral("  - first-steps")), qPrintable(text));
    QVERIFY2(QString(code.mid(2).join(QLatin1Char(' '))).simplified().endsWith(QStringLiteral("listed after it in this file")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestJekyllTags)
#include "tst_jekyll_tags.moc"
