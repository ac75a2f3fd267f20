// Tests for CourseLoader against docs/course-format.md section 1 and the loader decisions:
// layout detection, the module layout, plain folders and single files, encodings and
// diagnostics (Course-in-a-Box, section 1a, has a suite of its own: tst_course_in_a_box).
// Fixtures live in tests/data (see the folder names below); cases that need odd file
// permissions or folder names are built in a QTemporaryDir; the helpers are
// tests/support/CourseFixture.h.

#include "CourseFixture.h"
#include "UnprivilegedRun.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace CourseFixture;

Q_DECLARE_METATYPE(Course::Layout)

class TestCourseLoader : public QObject
{
    Q_OBJECT

private slots:
    // ---- layout detection, course id and title -------------------------------------
    void layoutAndIdentity_data();
    void layoutAndIdentity();
    void nonexistentPath();

    // ---- module layout (1b) --------------------------------------------------------
    void moduleLayoutModules();
    void moduleLayoutPages_data();
    void moduleLayoutPages();
    void moduleLayoutFolderOrderWithoutHomePage();

    // ---- plain folder (1c) and single file (1d) ------------------------------------
    void plainFolder();
    void plainFolderTitles_data();
    void plainFolderTitles();
    void humanisedFolderTitle();
    void singleFile_data();
    void singleFile();

    // ---- encodings and broken files ------------------------------------------------
    void encodingsPagesStillListed();
    void windows1252();
    void binaryFile();
    void brokenFrontMatter();
    void unreadableFile();
};

// ------------------------------------------------------------------------------------
// Layout detection, ids and titles

void TestCourseLoader::layoutAndIdentity_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<Course::Layout>("layout");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("title");  // empty: not asserted

    // course.yml id and title win over _config.yml's title.
    QTest::newRow("cib") << "cib" << Course::Layout::CourseInABox << "cib-course" << "Community Course";
    // No id in course.yml: the slug of its title.
    QTest::newRow("cib without id") << "encodings" << Course::Layout::CourseInABox << "encoding-tests"
                                    << "Encoding Tests";
    // No _config.yml title: the home page's own title, as the course's website showed it.
    QTest::newRow("module layout") << "module-layout" << Course::Layout::ModuleLayout << "module-layout-course"
                                   << "Module Layout Course";
    QTest::newRow("plain folder") << "plain" << Course::Layout::PlainFolder << "plain" << "Plain";
    QTest::newRow("single md") << "single/notes.md" << Course::Layout::SingleFile << "notes" << QString();
    QTest::newRow("single txt") << "single/plain.txt" << Course::Layout::SingleFile << "plain" << QString();
}

void TestCourseLoader::layoutAndIdentity()
{
    QFETCH(QString, path);
    QFETCH(Course::Layout, layout);
    QFETCH(QString, id);
    QFETCH(QString, title);

    const Course course = loadData(path);
    QCOMPARE(int(course.layout), int(layout));
    QCOMPARE(course.id, id);
    if (!title.isEmpty())
        QCOMPARE(course.title, title);
    QVERIFY2(!course.modules.isEmpty(), qPrintable(dump(course)));
    if (layout != Course::Layout::SingleFile)
        QCOMPARE(course.rootPath, QFileInfo(dataPath(path)).canonicalFilePath());
}

void TestCourseLoader::nonexistentPath()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const Course course = CourseLoader::load(tmp.filePath(QStringLiteral("does-not-exist")));
    QVERIFY(course.modules.isEmpty());
    QCOMPARE(course.pageCount(), 0);
    QCOMPARE(course.diagnostics.size(), 1);
    QCOMPARE(int(course.diagnostics.first().severity), int(Diagnostic::Severity::Error));
    QVERIFY(hasErrors(course));
}

// ------------------------------------------------------------------------------------
// Module layout

void TestCourseLoader::moduleLayoutModules()
{
    const Course course = loadData(QStringLiteral("module-layout"));
    QCOMPARE(int(course.layout), int(Course::Layout::ModuleLayout));
    // The home page links zeta before alpha.
    QCOMPARE(moduleIds(course), QStringList({"zeta", "alpha"}));
    QCOMPARE(course.modules.at(0).title, QStringLiteral("Zeta: The Last Module"));
    QCOMPARE(course.modules.at(1).title, QStringLiteral("Alpha Module"));
    QCOMPARE(pageIds(course.modules.at(0)),
             QStringList({"zeta/index", "zeta/section-1", "zeta/section-2-0", "zeta/section-2-1",
                          "zeta/section-2-2", "zeta/section-2-10", "zeta/section-9", "zeta/section-10"}));
    QCOMPARE(pageIds(course.modules.at(1)), QStringList({"alpha/index", "alpha/section-3", "alpha/section-3-1"}));
    QVERIFY2(!hasErrors(course), qPrintable(dump(course)));
}

void TestCourseLoader::moduleLayoutPages_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("parentId");
    QTest::addColumn<bool>("isHead");

    QTest::newRow("index") << "zeta/index" << "index" << "Introduction" << "" << false;
    QTest::newRow("section-1") << "zeta/section-1" << "section-1" << "1. Basics" << "" << true;
    QTest::newRow("section-2-0") << "zeta/section-2-0" << "section-2-0" << "2. Why it matters" << "" << true;
    QTest::newRow("section-2-1") << "zeta/section-2-1" << "section-2-1" << "2.1 Promoting equity"
                                 << "zeta/section-2-0" << false;
    QTest::newRow("section-2-10") << "zeta/section-2-10" << "section-2-10" << "2.10 Tenth"
                                  << "zeta/section-2-0" << false;
    QTest::newRow("no title nor subtitle") << "zeta/section-9" << "section-9" << "Section 9" << "" << true;
    QTest::newRow("subtitle") << "zeta/section-10" << "section-10" << "Ten Things" << "" << true;
    QTest::newRow("head without -0") << "alpha/section-3" << "section-3" << "3. Three" << "" << true;
    QTest::newRow("child of section-3") << "alpha/section-3-1" << "section-3-1" << "3.1 Three One"
                                        << "alpha/section-3" << false;
}

void TestCourseLoader::moduleLayoutPages()
{
    QFETCH(QString, id);
    QFETCH(QString, slug);
    QFETCH(QString, title);
    QFETCH(QString, parentId);
    QFETCH(bool, isHead);

    const Course course = loadData(QStringLiteral("module-layout"));
    const CoursePage *page = course.findPage(id);
    QVERIFY2(page, qPrintable(allPageIds(course).join(QLatin1Char(' '))));
    QCOMPARE(page->slug, slug);
    QCOMPARE(page->moduleId, id.section(QLatin1Char('/'), 0, 0));
    QCOMPARE(page->title, title);
    QCOMPARE(page->parentId, parentId);
    QCOMPARE(page->isSectionHead, isHead);
    QCOMPARE(page->relativePath, QStringLiteral("modules/") + id + QStringLiteral(".md"));
}

// No root index: folder-name order. section-*.md alone (no index.md) makes a module.
void TestCourseLoader::moduleLayoutFolderOrderWithoutHomePage()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(QStringLiteral("old-course"));
    QVERIFY(writeFile(root + "/modules/bravo/section-1.md",
                      "---\nlayout: module\nmodule_full_name: Bravo\ntitle: B1\n---\nb\n"));
    QVERIFY(writeFile(root + "/modules/alpha/section-2.md",
                      "---\nlayout: module\nmodule_full_name: Alpha\ntitle: A2\n---\na\n"));
    QVERIFY(writeFile(root + "/modules/alpha/section-1.md",
                      "---\nlayout: module\nmodule_full_name: Alpha\ntitle: A1\n---\na\n"));

    const Course course = CourseLoader::load(root);
    QCOMPARE(int(course.layout), int(Course::Layout::ModuleLayout));
    QCOMPARE(moduleIds(course), QStringList({"alpha", "bravo"}));
    QCOMPARE(pageIds(course.modules.first()), QStringList({"alpha/section-1", "alpha/section-2"}));
    QCOMPARE(course.modules.first().title, QStringLiteral("Alpha"));
}

// ------------------------------------------------------------------------------------
// Plain folder and single file

void TestCourseLoader::plainFolder()
{
    const Course course = loadData(QStringLiteral("plain"));
    QCOMPARE(int(course.layout), int(Course::Layout::PlainFolder));
    // Files directly in the folder come first, as a module named after the folder.
    QCOMPARE(moduleIds(course), QStringList({"plain", "chapter-a", "chapter-b"}));
    QCOMPARE(pageIds(course.modules.at(0)), QStringList({"plain/2-intro", "plain/10-summary", "plain/readme"}));
    QCOMPARE(pageIds(course.modules.at(1)), QStringList({"chapter-a/only"}));
    // Natural order: 1 < 3 < 20; .md, .markdown and .txt are all pages; data.csv is not.
    QCOMPARE(pageIds(course.modules.at(2)),
             QStringList({"chapter-b/1-alpha", "chapter-b/3-gamma", "chapter-b/20-omega"}));
}

void TestCourseLoader::plainFolderTitles_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("title");
    QTest::newRow("first heading, not first line") << "plain/2-intro" << "Intro Heading";
    QTest::newRow("front matter beats heading") << "plain/10-summary" << "Summary";
    QTest::newRow("humanised file name") << "plain/readme" << "Readme";
    QTest::newRow("txt heading") << "chapter-b/20-omega" << "Omega";
    QTest::newRow("markdown extension") << "chapter-b/3-gamma" << "Gamma";
}

void TestCourseLoader::plainFolderTitles()
{
    QFETCH(QString, id);
    QFETCH(QString, title);
    const Course course = loadData(QStringLiteral("plain"));
    const CoursePage *page = course.findPage(id);
    QVERIFY2(page, qPrintable(allPageIds(course).join(QLatin1Char(' '))));
    QCOMPARE(page->title, title);
}

void TestCourseLoader::humanisedFolderTitle()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(QStringLiteral("my-course"));
    QVERIFY(writeFile(root + "/first-steps.md", "Just text.\n"));
    const Course course = CourseLoader::load(root);
    QCOMPARE(int(course.layout), int(Course::Layout::PlainFolder));
    QCOMPARE(course.title, QStringLiteral("My Course"));
    QCOMPARE(course.id, QStringLiteral("my-course"));
    QCOMPARE(moduleIds(course), QStringList({"my-course"}));
    QCOMPARE(allPageIds(course), QStringList({"my-course/first-steps"}));
    QCOMPARE(course.modules.first().pages.first().title, QStringLiteral("First Steps"));
}

void TestCourseLoader::singleFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("bodyText");
    QTest::newRow("markdown, title from heading") << "single/notes.md" << "Meeting Notes" << "item two";
    QTest::newRow("word-processor text, title from name") << "single/plain.txt" << "Plain"
                                                           << "This is the second paragraph.";
}

void TestCourseLoader::singleFile()
{
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QString, bodyText);
    const Course course = loadData(file);
    QCOMPARE(int(course.layout), int(Course::Layout::SingleFile));
    QCOMPARE(course.modules.size(), 1);
    QCOMPARE(course.modules.first().pages.size(), 1);
    const CoursePage &page = course.modules.first().pages.first();
    QCOMPARE(page.title, title);
    QVERIFY(!page.title.contains(QLatin1Char('\r')));
    QVERIFY2(page.markdown.contains(bodyText), qPrintable(page.markdown));
    QCOMPARE(QFileInfo(page.filePath).canonicalFilePath(), QFileInfo(dataPath(file)).canonicalFilePath());
    QVERIFY2(!hasErrors(course), qPrintable(dump(course)));
}

// ------------------------------------------------------------------------------------
// Encodings, binary files, broken front matter, unreadable files

void TestCourseLoader::encodingsPagesStillListed()
{
    const Course course = loadData(QStringLiteral("encodings"));
    QCOMPARE(moduleIds(course), QStringList({"enc"}));
    QCOMPARE(pageIds(course.modules.first()),
             QStringList({"enc/fine", "enc/cp1252", "enc/binary", "enc/broken"}));
    const CoursePage *fine = course.findPage(QStringLiteral("enc/fine"));
    QVERIFY(fine);
    QCOMPARE(fine->title, QStringLiteral("Fine Page"));
    QVERIFY(fine->markdown.contains(QString::fromUtf8("caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cok\xe2\x80\x9d")));
    // A valid UTF-8 file gets no diagnostic.
    for (const Diagnostic &d : course.diagnostics)
        QVERIFY2(!d.file.endsWith(QLatin1String("2020-01-01-fine.md")), qPrintable(d.toString()));
}

void TestCourseLoader::windows1252()
{
    const Course course = loadData(QStringLiteral("encodings"));
    const CoursePage *page = course.findPage(QStringLiteral("enc/cp1252"));
    QVERIFY(page);
    // 0x93 0x94 are curly quotes, 0xE9 is e-acute, 0x96 an en dash.
    QCOMPARE(page->title, QString::fromUtf8("\xe2\x80\x9cQuoted\xe2\x80\x9d caf\xc3\xa9"));
    QVERIFY2(page->markdown.contains(QString::fromUtf8("Body with caf\xc3\xa9 and \xe2\x80\x93 a dash.")),
             qPrintable(page->markdown));
    const Diagnostic *d = findDiagnostic(course, QStringLiteral("modules/enc/_posts/2020-01-02-cp1252.md"),
                                         Diagnostic::Severity::Warning, {"Windows-1252"});
    QVERIFY2(d, qPrintable(dump(course)));
    QCOMPARE(d->file, QStringLiteral("modules/enc/_posts/2020-01-02-cp1252.md"));
    QVERIFY(d->line >= 0);
}

void TestCourseLoader::binaryFile()
{
    const Course course = loadData(QStringLiteral("encodings"));
    const CoursePage *page = course.findPage(QStringLiteral("enc/binary"));
    QVERIFY2(page, qPrintable(allPageIds(course).join(QLatin1Char(' '))));
    QCOMPARE(page->title, QStringLiteral("Binary"));
    const Diagnostic *d = findDiagnostic(course, QStringLiteral("2020-01-03-binary.md"),
                                         Diagnostic::Severity::Error, {"binary"});
    QVERIFY2(d, qPrintable(dump(course)));
    QCOMPARE(d->file, QStringLiteral("modules/enc/_posts/2020-01-03-binary.md"));
    QVERIFY(hasErrors(course));
}

void TestCourseLoader::brokenFrontMatter()
{
    const Course course = loadData(QStringLiteral("encodings"));
    const CoursePage *page = course.findPage(QStringLiteral("enc/broken"));
    QVERIFY2(page, qPrintable(allPageIds(course).join(QLatin1Char(' '))));
    QCOMPARE(page->title, QStringLiteral("Broken"));
    QVERIFY2(page->markdown.contains(QLatin1String("Still here body.")), qPrintable(page->markdown));
    QVERIFY2(!page->markdown.contains(QLatin1String("[unclosed")), qPrintable(page->markdown));
    const Diagnostic *d = findDiagnostic(course, QStringLiteral("2020-01-04-broken.md"),
                                         Diagnostic::Severity::Error, {"front matter"});
    QVERIFY2(d, qPrintable(dump(course)));
    QCOMPARE(d->file, QStringLiteral("modules/enc/_posts/2020-01-04-broken.md"));
    QVERIFY2(d->line >= 1, qPrintable(d->toString()));
    QVERIFY2(d->line <= 4, qPrintable(d->toString()));  // within the front matter block
}

void TestCourseLoader::unreadableFile()
{
    RUN_UNPRIVILEGED_WHEN_ROOT();  // chmod 000 does not keep root from reading
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(QStringLiteral("locked"));
    QVERIFY(writeFile(root + "/_data/course.yml", "title: Locked\nmodules: [m]\n"));
    const QString posts = root + "/modules/m/_posts/";
    QVERIFY(writeFile(posts + "2020-01-01-open.md", "---\ntitle: Open\n---\nok\n"));
    QVERIFY(writeFile(posts + "2020-01-02-locked.md", "---\ntitle: Locked\n---\nsecret\n"));
    QVERIFY(QFile::setPermissions(posts + "2020-01-02-locked.md", QFileDevice::Permissions()));

    const Course course = CourseLoader::load(root);
    QFile::setPermissions(posts + "2020-01-02-locked.md", QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QVERIFY(course.findPage(QStringLiteral("m/open")));
    const Diagnostic *d = findDiagnostic(course, QStringLiteral("modules/m/_posts/2020-01-02-locked.md"),
                                         Diagnostic::Severity::Error, {});
    QVERIFY2(d, qPrintable(dump(course)));
    QVERIFY(hasErrors(course));
}

QTEST_GUILESS_MAIN(TestCourseLoader)
#include "tst_course_loader.moc"