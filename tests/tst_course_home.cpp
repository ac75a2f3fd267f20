// The course home (docs/course-format.md 1d') and the modules it never links (1b, 1a): what the
// learner gets first, how its links and pictures come out, the generated home of a course
// without one, and what --list, --render and --check say. Fixtures: tests/data/cib-home (a
// Course-in-a-Box home with a grid of module links and a picture), module-layout-home (an older
// course whose home links two modules, beside a stale copy titled like one of them) and
// cib-no-home.

#include "CommandLineRun.h"
#include "CourseCheck.h"
#include "CourseFixture.h"
#include "RenderFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace CourseFixture;
using RenderFixture::anchorWithText;
using RenderFixture::select;

namespace {
QString href(const HtmlDom &dom, const QString &text)
{
    const xmlNodePtr anchor = anchorWithText(dom, text);
    return anchor ? HtmlDom::attribute(anchor, "href") : QStringLiteral("(no link \"%1\")").arg(text);
}

QStringList problemsAndNotes(const Diagnostics &diagnostics, Diagnostic::Severity severity)
{
    QStringList found;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == severity)
            found << d.toString();
    }
    return found;
}
}  // namespace

class TestCourseHome : public QObject
{
    Q_OBJECT

private slots:
    void homeIsTheFirstPage();
    void rootCollectionsAreNotPages();
    void homeRendersWithModuleLinksAndPicture();
    void moduleFolderLinksOpenTheModulesFirstPage();
    void courseWithoutHomeGetsAGeneratedOne();
    void unlinkedModuleGoesLastWithANote();
    void homeThatLinksNoModuleKeepsEveryModule();
    void checkStaysQuiet_data();
    void checkStaysQuiet();
    void listShowsTheHome();
    void renderPrintsTheHome();
    void checkPrintsTheNote();
};

void TestCourseHome::homeIsTheFirstPage()
{
    const Course course = loadData(QStringLiteral("cib-home"));
    QVERIFY(course.hasHome());
    const QVector<const CoursePage *> pages = course.pages();
    QCOMPARE(pages.size(), 4);
    QCOMPARE(pages.first()->id, Course::kHomePageId);
    QVERIFY(pages.first()->isHome);
    QVERIFY(pages.first()->moduleId.isEmpty());
    QCOMPARE(pages.first()->title, QStringLiteral("Welcome to Reading Rooms"));
    QCOMPARE(pages.first()->relativePath, QStringLiteral("index.md"));
    QCOMPARE(pages.at(1)->id, QStringLiteral("orientation/why-a-room"));
    QCOMPARE(course.findPage(Course::kHomePageId), pages.first());
    QCOMPARE(course.pageCount(), 4);
    QCOMPARE(moduleIds(course), QStringList({"orientation", "field-notes"}));
}

void TestCourseHome::rootCollectionsAreNotPages()
{
    const Course course = loadData(QStringLiteral("cib-home"));
    for (const CoursePage *page : course.pages()) {
        QVERIFY2(!page->relativePath.startsWith(QLatin1String("announcements/")), qPrintable(page->relativePath));
        QVERIFY2(!page->relativePath.startsWith(QLatin1String("start/")), qPrintable(page->relativePath));
    }
}

void TestCourseHome::homeRendersWithModuleLinksAndPicture()
{
    const Course course = loadData(QStringLiteral("cib-home"));
    const RenderedPage home = RenderFixture::renderPage(course, Course::kHomePageId);
    const HtmlDom dom(home.bodyHtml);
    // The grid's links, one relative and one through {{ site.baseurl }} to index.html.
    QCOMPARE(href(dom, QStringLiteral("Orientation")), QStringLiteral("course://coursebook/page/orientation/why-a-room"));
    QCOMPARE(href(dom, QStringLiteral("Field Notes")), QStringLiteral("course://coursebook/page/field-notes/first-week"));
    const QVector<xmlNodePtr> images = select(dom, QStringLiteral("img"));
    QCOMPARE(images.size(), 1);
    QCOMPARE(HtmlDom::attribute(images.first(), "src"), QStringLiteral("course://coursebook/file/img/corner.svg"));
    // course.yml's description opens it; the body follows; the progress section closes it.
    const QVector<xmlNodePtr> description = select(dom, QStringLiteral("p"), QStringLiteral("course-description"));
    QCOMPARE(description.size(), 1);
    QVERIFY(HtmlDom::text(description.first()).startsWith(QLatin1String("A short course about turning a quiet corner")));
    const qsizetype body = home.documentHtml.indexOf(QLatin1String("Made by the Reading Rooms team"));
    const qsizetype progress = home.documentHtml.indexOf(PageRenderer::kCourseProgressSection);
    QVERIFY2(body > 0 && progress > body, RenderFixture::context(home).constData());
    QVERIFY(home.documentHtml.contains(QLatin1String("<h1>Welcome to Reading Rooms</h1>")));
    QVERIFY2(home.diagnostics.isEmpty(), RenderFixture::context(home).constData());
}

void TestCourseHome::moduleFolderLinksOpenTheModulesFirstPage()
{
    const Course course = loadData(QStringLiteral("cib-home"));
    // "/modules/field-notes" and "modules/field-notes/index.html" from a module page, and the
    // course root through {{ site.baseurl }}/.
    const HtmlDom why(RenderFixture::renderPage(course, QStringLiteral("orientation/why-a-room")).bodyHtml);
    QCOMPARE(href(why, QStringLiteral("field notes")), QStringLiteral("course://coursebook/page/field-notes/first-week"));
    QCOMPARE(href(why, QStringLiteral("back home")), QStringLiteral("course://coursebook/page/home"));
    const HtmlDom who(RenderFixture::renderPage(course, QStringLiteral("orientation/who-comes")).bodyHtml);
    QCOMPARE(href(who, QStringLiteral("the notes")), QStringLiteral("course://coursebook/page/field-notes/first-week"));
    const HtmlDom week(RenderFixture::renderPage(course, QStringLiteral("field-notes/first-week")).bodyHtml);
    QCOMPARE(href(week, QStringLiteral("orientation")), QStringLiteral("course://coursebook/page/orientation/why-a-room"));
}

void TestCourseHome::courseWithoutHomeGetsAGeneratedOne()
{
    const Course course = loadData(QStringLiteral("cib-no-home"));
    QVERIFY(course.hasHome());
    QCOMPARE(course.pages().first()->id, Course::kHomePageId);
    QCOMPARE(course.home.title, QStringLiteral("Conversation Circles"));
    const RenderedPage home = RenderFixture::renderPage(course, Course::kHomePageId);
    const HtmlDom dom(home.bodyHtml);
    QCOMPARE(HtmlDom::text(select(dom, QStringLiteral("p"), QStringLiteral("course-description")).value(0)),
             QStringLiteral("How to start, host and keep going a weekly conversation circle."));
    // Each module by its title, a link to its first page.
    QCOMPARE(href(dom, QStringLiteral("Quiet First")), QStringLiteral("course://coursebook/page/listening/quiet-first"));
    QCOMPARE(href(dom, QStringLiteral("Setting the Chairs")), QStringLiteral("course://coursebook/page/hosting/setting-chairs"));
    QCOMPARE(select(dom, QStringLiteral("li")).size(), 2);
    QVERIFY(home.documentHtml.contains(PageRenderer::kCourseProgressSection));
    QVERIFY2(home.diagnostics.isEmpty(), RenderFixture::context(home).constData());
}

void TestCourseHome::unlinkedModuleGoesLastWithANote()
{
    const Course course = loadData(QStringLiteral("module-layout-home"));
    // In the order the home links them (outreach through {{ site.baseurl }}, index.html); the
    // stale copy, named only in an HTML comment of the home, last.
    QCOMPARE(moduleIds(course), QStringList({"mapping", "outreach", "mapping-old"}));
    QVERIFY(course.modules.at(0).linkedFromHome);
    QVERIFY(course.modules.at(1).linkedFromHome);
    QVERIFY(!course.modules.at(2).linkedFromHome);
    QCOMPARE(course.modules.at(2).title, course.modules.at(0).title);
    const QStringList notes = problemsAndNotes(course.diagnostics, Diagnostic::Severity::Note);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().startsWith(QLatin1String("modules/mapping-old:0: note: ")), qPrintable(notes.first()));
    QVERIFY2(notes.first().contains(QLatin1String("not linked from the course home")), qPrintable(notes.first()));
    QVERIFY2(notes.first().contains(QLatin1String("modules/mapping has the same title")), qPrintable(notes.first()));
    QCOMPARE(course.description, QStringLiteral("Drawing the places your community already gathers, then meeting people there."));
}

void TestCourseHome::homeThatLinksNoModuleKeepsEveryModule()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(writeFile(root + QStringLiteral("/index.md"), "---\ntitle: Plain Welcome\n---\nRead the modules in any order.\n"));
    for (const char *module : {"one", "two"}) {
        QVERIFY(writeFile(root + QStringLiteral("/modules/%1/index.md").arg(QLatin1String(module)),
                          "---\nlayout: module\ntitle: Start\n---\nA module.\n"));
    }
    const Course course = CourseLoader::load(root);
    QCOMPARE(moduleIds(course), QStringList({"one", "two"}));
    QVERIFY(std::all_of(course.modules.cbegin(), course.modules.cend(), [](const CourseModule &m) { return m.linkedFromHome; }));
    QVERIFY(problemsAndNotes(course.diagnostics, Diagnostic::Severity::Note).isEmpty());
    QCOMPARE(course.home.title, QStringLiteral("Plain Welcome"));
}

void TestCourseHome::checkStaysQuiet_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("home with a module grid") << QStringLiteral("cib-home");
    QTest::newRow("older layout with a stale module") << QStringLiteral("module-layout-home");
    QTest::newRow("no home") << QStringLiteral("cib-no-home");
}

void TestCourseHome::checkStaysQuiet()
{
    QFETCH(QString, fixture);
    const Diagnostics all = CourseCheck::run(loadData(fixture));
    QStringList problems = problemsAndNotes(all, Diagnostic::Severity::Warning);
    problems += problemsAndNotes(all, Diagnostic::Severity::Error);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestCourseHome::listShowsTheHome()
{
    const QJsonObject course = CommandLineRun::listCourse(dataPath(QStringLiteral("module-layout-home")));
    const QJsonObject home = course.value(QStringLiteral("home")).toObject();
    QCOMPARE(home.value(QStringLiteral("id")).toString(), Course::kHomePageId);
    QCOMPARE(home.value(QStringLiteral("title")).toString(), QStringLiteral("Neighbourhood Maps"));
    QCOMPARE(home.value(QStringLiteral("file")).toString(), QStringLiteral("index.md"));
    QCOMPARE(course.value(QStringLiteral("description")).toString(),
             QStringLiteral("Drawing the places your community already gathers, then meeting people there."));
    const QJsonArray modules = course.value(QStringLiteral("modules")).toArray();
    QCOMPARE(modules.size(), 3);
    QCOMPARE(modules.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("mapping-old"));
    QCOMPARE(modules.at(2).toObject().value(QStringLiteral("linkedFromHome")).toBool(true), false);
    QCOMPARE(modules.at(0).toObject().value(QStringLiteral("linkedFromHome")).toBool(false), true);

    const QJsonObject generated = CommandLineRun::listCourse(dataPath(QStringLiteral("cib-no-home")))
                                      .value(QStringLiteral("home")).toObject();
    QCOMPARE(generated.value(QStringLiteral("id")).toString(), Course::kHomePageId);
    QVERIFY(generated.value(QStringLiteral("file")).isNull());
}

void TestCourseHome::renderPrintsTheHome()
{
    const CommandLineRun::Run run = CommandLineRun::runApp(
        {QStringLiteral("--course"), dataPath(QStringLiteral("cib-home")), QStringLiteral("--render"), Course::kHomePageId});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(CommandLineRun::firstH1(run.outText()), QStringLiteral("Welcome to Reading Rooms"));
    QVERIFY(run.outText().contains(QLatin1String("href=\"course://coursebook/page/orientation/why-a-room\"")));
    QVERIFY(run.outText().contains(QLatin1String("src=\"course://coursebook/file/img/corner.svg\"")));

    QTemporaryDir out;
    const CommandLineRun::Run all = CommandLineRun::runApp(
        {QStringLiteral("--course"), dataPath(QStringLiteral("cib-no-home")), QStringLiteral("--render-all"), out.path()});
    QVERIFY2(all.ok() && all.exitCode == 0, qPrintable(all.describe()));
    QFile home(out.filePath(QStringLiteral("home.html")));
    QVERIFY(home.open(QIODevice::ReadOnly));
    QCOMPARE(CommandLineRun::firstH1(QString::fromUtf8(home.readAll())), QStringLiteral("Conversation Circles"));
    QVERIFY2(all.outText().contains(QLatin1String("wrote 4 pages")), qPrintable(all.outText()));
}

void TestCourseHome::checkPrintsTheNote()
{
    const CommandLineRun::Run run = CommandLineRun::runApp(
        {QStringLiteral("--course"), dataPath(QStringLiteral("module-layout-home")), QStringLiteral("--check")});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.outLines().size(), 1);
    QVERIFY2(run.outLines().first().startsWith(QLatin1String("modules/mapping-old:0: note: module \"Mapping the Neighbourhood\"")),
             qPrintable(run.outText()));
}

QTEST_GUILESS_MAIN(TestCourseHome)
#include "tst_course_home.moc"
