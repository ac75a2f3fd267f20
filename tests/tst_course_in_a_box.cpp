// Tests for CourseLoader on the Course-in-a-Box layout (docs/course-format.md section 1a):
// module and page order, titles, tags, skipped folders and files, CRLF, page bodies and
// metadata, the config title. Fixtures live in tests/data; cases that need odd files are
// built in a QTemporaryDir; the helpers are tests/support/CourseFixture.h.

#include "CourseFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace CourseFixture;

class TestCourseInABox : public QObject
{
    Q_OBJECT

private slots:
    // ---- Course-in-a-Box (1a) ------------------------------------------------------
    void cibModuleOrderAndTitles();
    void cibListedButMissingModuleWarns();
    void cibUnlistedModulesWarn();
    void cibPageOrder_data();
    void cibPageOrder();
    void cibPages_data();
    void cibPages();
    void cibTagsListAndString();
    void cibSkippedFoldersAndFiles();
    void cibCrlf();
    void cibPageBodyAndMetadata();
    void cibConfigTitleAndOtherExtensions();
};

// ------------------------------------------------------------------------------------
// Course-in-a-Box

void TestCourseInABox::cibModuleOrderAndTitles()
{
    const Course course = loadData(QStringLiteral("cib"));
    // Listed modules in list order (ghost-module has no folder), then unlisted folders with
    // pages in folder-name order. "empty" has no pages; _site, vendor and .trash are skipped.
    QCOMPARE(moduleIds(course),
             QStringList({"intro", "advanced", "basics", "appendix", "extra"}));

    QStringList titles;
    for (const CourseModule &m : course.modules)
        titles << m.title;
    // intro: title of its first page (entity-decoded); advanced: course.yml map title;
    // basics: its first page; unlisted modules: their first page.
    QCOMPARE(titles, QStringList({"Tom & Jerry", "Advanced Topics", "Getting Started", "Glossary",
                                  "Bonus Material"}));
    QCOMPARE(course.pageCount(), 13);  // 12 in its modules, and the home generated above them
    QVERIFY2(!hasErrors(course), qPrintable(dump(course)));
}

void TestCourseInABox::cibListedButMissingModuleWarns()
{
    const Course course = loadData(QStringLiteral("cib"));
    QVERIFY(!course.findModule(QStringLiteral("ghost-module")));
    QVERIFY2(findDiagnostic(course, QString(), Diagnostic::Severity::Warning, {"ghost-module"}),
             qPrintable(dump(course)));
}

void TestCourseInABox::cibUnlistedModulesWarn()
{
    const Course course = loadData(QStringLiteral("cib"));
    for (const QString &name : {QStringLiteral("appendix"), QStringLiteral("extra")}) {
        QVERIFY2(findDiagnostic(course, QString(), Diagnostic::Severity::Warning, {name, "not listed"}),
                 qPrintable(name + QLatin1Char('\n') + dump(course)));
    }
    // Listed modules are not reported as unlisted.
    for (const QString &name : {QStringLiteral("intro"), QStringLiteral("advanced"), QStringLiteral("basics")}) {
        QVERIFY2(!findDiagnostic(course, QString(), Diagnostic::Severity::Warning, {name, "not listed"}),
                 qPrintable(name + QLatin1Char('\n') + dump(course)));
    }
}

void TestCourseInABox::cibPageOrder_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QStringList>("ids");
    // intro: 2020-1-9 (unpadded) first; two pages dated 2020-01-10 in byte-wise file-name
    // order ("community-interests.md" < "community.md" because '-' < '.'); "late" is
    // 2020-01-05 by file name but 2020-02-01 by front matter, so last; "draft" is
    // unpublished; notes.md, diagram.png and .DS_Store are not pages.
    QTest::newRow("intro") << "intro"
                           << QStringList({"intro/welcome", "intro/community-interests", "intro/community",
                                           "intro/late"});
    QTest::newRow("advanced") << "advanced"
                              << QStringList({"advanced/overview", "advanced/part-one", "advanced/details",
                                              "advanced/part-two", "advanced/more"});
    QTest::newRow("basics") << "basics" << QStringList({"basics/start"});
    QTest::newRow("appendix") << "appendix" << QStringList({"appendix/glossary"});
    QTest::newRow("extra") << "extra" << QStringList({"extra/bonus"});
}

void TestCourseInABox::cibPageOrder()
{
    QFETCH(QString, module);
    QFETCH(QStringList, ids);
    const Course course = loadData(QStringLiteral("cib"));
    const CourseModule *m = course.findModule(module);
    QVERIFY(m);
    QCOMPARE(pageIds(*m), ids);
}

void TestCourseInABox::cibPages_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("parentId");
    QTest::addColumn<bool>("isHead");
    QTest::addColumn<QString>("permalink");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("relativePath");

    QTest::newRow("entity title, unpadded date")
        << "intro/welcome" << "welcome" << "Tom & Jerry" << "" << false << "/modules/intro/welcome/"
        << QDate(2020, 1, 9) << "modules/intro/_posts/2020-1-9-welcome.md";
    QTest::newRow("title from slug")
        << "intro/community-interests" << "community-interests" << "Community Interests" << "" << false
        << "/modules/intro/community-interests/" << QDate(2020, 1, 10)
        << "modules/intro/_posts/2020-01-10-community-interests.md";
    QTest::newRow("front matter date")
        << "intro/late" << "late" << "Late Page" << "" << false << "/modules/intro/late/"
        << QDate(2020, 2, 1) << "modules/intro/_posts/2020-01-05-late.md";
    QTest::newRow("before first head")
        << "advanced/overview" << "overview" << "Overview" << "" << false << "/modules/advanced/overview/"
        << QDate(2021, 1, 1) << "modules/advanced/_posts/2021-01-01-overview.md";
    QTest::newRow("head, list tags")
        << "advanced/part-one" << "part-one" << "Part One" << "" << true << "/modules/advanced/part-one/"
        << QDate(2021, 1, 2) << "modules/advanced/_posts/2021-01-02-part-one.md";
    QTest::newRow("child of first head")
        << "advanced/details" << "details" << "Details" << "advanced/part-one" << false
        << "/modules/advanced/details/" << QDate(2021, 1, 3) << "modules/advanced/_posts/2021-01-03-details.md";
    QTest::newRow("head, string tags")
        << "advanced/part-two" << "part-two" << "Part Two" << "" << true << "/modules/advanced/part-two/"
        << QDate(2021, 1, 4) << "modules/advanced/_posts/2021-01-04-part-two.md";
    QTest::newRow("child of second head, own permalink")
        << "advanced/more" << "more" << "More" << "advanced/part-two" << false << "/custom/more/"
        << QDate(2021, 1, 5) << "modules/advanced/_posts/2021-01-05-more.md";
    QTest::newRow("crlf head")
        << "basics/start" << "start" << "Getting Started" << "" << true << "/modules/basics/start/"
        << QDate(2019, 5, 1) << "modules/basics/_posts/2019-05-01-start.md";
    QTest::newRow("unlisted module page")
        << "extra/bonus" << "bonus" << "Bonus Material" << "" << false << "/modules/extra/bonus/"
        << QDate(2022, 3, 1) << "modules/extra/_posts/2022-03-01-bonus.md";
}

void TestCourseInABox::cibPages()
{
    QFETCH(QString, id);
    QFETCH(QString, slug);
    QFETCH(QString, title);
    QFETCH(QString, parentId);
    QFETCH(bool, isHead);
    QFETCH(QString, permalink);
    QFETCH(QDate, date);
    QFETCH(QString, relativePath);

    const Course course = loadData(QStringLiteral("cib"));
    const CoursePage *page = course.findPage(id);
    QVERIFY2(page, qPrintable(allPageIds(course).join(QLatin1Char(' '))));
    QCOMPARE(page->moduleId, id.section(QLatin1Char('/'), 0, 0));
    QCOMPARE(page->slug, slug);
    QCOMPARE(page->title, title);
    QCOMPARE(page->parentId, parentId);
    QCOMPARE(page->isSectionHead, isHead);
    QCOMPARE(page->permalink, permalink);
    QCOMPARE(page->date, date);
    QCOMPARE(page->relativePath, relativePath);
    QCOMPARE(page->filePath, QDir(course.rootPath).filePath(relativePath));
    QVERIFY(QFileInfo::exists(page->filePath));
}

void TestCourseInABox::cibTagsListAndString()
{
    const Course course = loadData(QStringLiteral("cib"));
    const CoursePage *one = course.findPage(QStringLiteral("advanced/part-one"));
    const CoursePage *details = course.findPage(QStringLiteral("advanced/details"));
    const CoursePage *two = course.findPage(QStringLiteral("advanced/part-two"));
    const CoursePage *overview = course.findPage(QStringLiteral("advanced/overview"));
    QVERIFY(one && details && two && overview);
    QCOMPARE(one->tags, QStringList({"sectionHead"}));
    QCOMPARE(details->tags, QStringList({"foo"}));
    QCOMPARE(two->tags, QStringList({"sectionHead", "extra"}));
    QVERIFY(overview->tags.isEmpty());
}

void TestCourseInABox::cibSkippedFoldersAndFiles()
{
    const Course course = loadData(QStringLiteral("cib"));
    const QStringList ids = allPageIds(course);
    for (const QString &id : ids) {
        QVERIFY2(!id.contains(QLatin1String("ghost")), qPrintable(id));
        QVERIFY2(!id.contains(QLatin1String("draft")), qPrintable(id));
        QVERIFY2(!id.contains(QLatin1String("notes")), qPrintable(id));
        QVERIFY2(!id.contains(QLatin1String("diagram")), qPrintable(id));
    }
    for (const char *m : {"_site", "vendor", ".trash", "empty"})
        QVERIFY2(!course.findModule(QString::fromLatin1(m)), m);
    // Non-page files inside _posts are ignored silently.
    for (const Diagnostic &d : course.diagnostics) {
        for (const char *name : {".DS_Store", "diagram.png", "notes.md", "2020-01-11-draft.md"}) {
            QVERIFY2(!d.file.endsWith(QLatin1String(name)) && !d.message.contains(QLatin1String(name)), qPrintable(d.toString()));
        }
    }
}

void TestCourseInABox::cibCrlf()
{
    const Course course = loadData(QStringLiteral("cib"));
    const CoursePage *page = course.findPage(QStringLiteral("basics/start"));
    QVERIFY(page);
    QCOMPARE(page->title, QStringLiteral("Getting Started"));
    QVERIFY(!page->title.contains(QLatin1Char('\r')));
    QCOMPARE(page->tags, QStringList({"sectionHead"}));
    QVERIFY2(page->markdown.contains(QLatin1String("CRLF body line.")), qPrintable(page->markdown));
    QVERIFY2(page->markdown.contains(QLatin1String("Second paragraph.")), qPrintable(page->markdown));
    QVERIFY2(!page->markdown.contains(QLatin1String("title:")), qPrintable(page->markdown));
    QVERIFY2(!page->markdown.contains(QLatin1String("---")), qPrintable(page->markdown));
}

void TestCourseInABox::cibPageBodyAndMetadata()
{
    const Course course = loadData(QStringLiteral("cib"));
    const CoursePage *page = course.findPage(QStringLiteral("intro/welcome"));
    QVERIFY(page);
    QCOMPARE(page->markdown.trimmed(), QStringLiteral("Welcome body."));
    // Lines 1-4 are the front matter; the body starts on line 5.
    QCOMPARE(page->bodyLine, 5);
    QCOMPARE(page->frontMatter.value(QStringLiteral("layout")).toString(), QStringLiteral("module"));

    const CoursePage *late = course.findPage(QStringLiteral("intro/late"));
    QVERIFY(late);
    QCOMPARE(late->markdown.trimmed(),
             QStringLiteral("File name says January 5, front matter says February 1."));
}

// No course.yml: Course-in-a-Box is still detected from modules/*/_posts; the title comes
// from _config.yml. Pages may be .md, .markdown or .html; front matter may close with "...".
void TestCourseInABox::cibConfigTitleAndOtherExtensions()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(QStringLiteral("cfg-course"));
    QVERIFY(writeFile(root + "/_config.yml", "title: From Config\nbaseurl: /\n"));
    const QString posts = root + "/modules/mod/_posts/";
    QVERIFY(writeFile(posts + "2020-01-01-a.md", "---\ntitle: Page A\n---\nA\n"));
    QVERIFY(writeFile(posts + "2020-01-02-b.markdown", "---\ntitle: Page B\n...\nB body\n"));
    QVERIFY(writeFile(posts + "2020-01-03-c.html", "---\ntitle: Page C\n---\n<p>C</p>\n"));
    QVERIFY(writeFile(posts + "2020-01-04-d.txt", "---\ntitle: Not A Page\n---\nD\n"));
    QVERIFY(writeFile(posts + "2020-01-05-e.md~", "backup file\n"));

    const Course course = CourseLoader::load(root);
    QCOMPARE(int(course.layout), int(Course::Layout::CourseInABox));
    QCOMPARE(course.title, QStringLiteral("From Config"));
    QCOMPARE(course.id, QStringLiteral("from-config"));
    QCOMPARE(moduleIds(course), QStringList({"mod"}));
    QCOMPARE(pageIds(course.modules.first()), QStringList({"mod/a", "mod/b", "mod/c"}));
    const CoursePage *b = course.findPage(QStringLiteral("mod/b"));
    QVERIFY(b);
    QCOMPARE(b->title, QStringLiteral("Page B"));
    QCOMPARE(b->markdown.trimmed(), QStringLiteral("B body"));
    // No course.yml at all: nothing is "not listed".
    QVERIFY2(!findDiagnostic(course, QString(), Diagnostic::Severity::Warning, {"not listed"}),
             qPrintable(dump(course)));
}

QTEST_GUILESS_MAIN(TestCourseInABox)
#include "tst_course_in_a_box.moc"
