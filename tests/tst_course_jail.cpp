// The course path jail under a hostile course (issue 12, items 2, 6 and 7): pages, module
// folders, _config.yml and includes that are links out of the course, a FIFO, /dev/zero,
// a 50 MB page, file names with a line break or bytes that are not UTF-8, and an include
// bomb. Each is made at test time in a QTemporaryDir beside one good page; each load must
// finish within a bound, never read outside the course (inotify watches the outside
// folder), report the file by name, and still load the good page.

#include "CourseFixture.h"
#include "FolderAccessWatch.h"
#include "LiquidProcessor.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <fcntl.h>
#include <future>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace CourseFixture;

namespace {
const QByteArray kMarker = "OUTSIDE-MARKER-5e1f";
constexpr qint64 kBoundMs = 10'000;
const QString kPosts = QStringLiteral("modules/m/_posts/");

// Every text of the loaded course a reader could see.
QString everything(const Course &course)
{
    QStringList texts{course.title, course.description};
    for (auto it = course.siteConfig.cbegin(); it != course.siteConfig.cend(); ++it)
        texts << it.value().toString();
    for (const CoursePage *page : course.pages()) {
        texts << page->title << page->markdown << page->readError;
        for (auto it = page->frontMatter.cbegin(); it != page->frontMatter.cend(); ++it)
            texts << it.value().toString();
    }
    return texts.join(QLatin1Char('\n'));
}
}  // namespace

class TestCourseJail : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void pageLinkedOutside();
    void moduleFolderLinkedOutside();
    void configLinkedOutside();
    void includeLinkedOutside();
    void pageLinkedToDevZero();
    void fifoPage();
    void fiftyMegabytePage();
    void lineBreakInFileName();
    void invalidUtf8FileName();
    void plainFolderWithLinkCycle();
    void singleFileOpenedByPath();
    void includeBomb();
    void unclosedLiquidStaysLinear();
    void peakMemoryOfEveryLoad();

private:
    // A Course-in-a-Box course "course" with module m and its good page, beside "outside".
    QString course() const { return m_dir->path() + QStringLiteral("/course"); }
    QString outside() const { return m_dir->path() + QStringLiteral("/outside"); }
    // Loads on a thread of its own, so a load that blocks (on a FIFO) fails the test
    // instead of hanging it; fails when it takes longer than kBoundMs.
    bool loadWithinBound(Course *loaded) { return loadWithinBound(course(), loaded); }
    static bool loadWithinBound(const QString &root, Course *loaded);
    void verifyGoodPageAndNoMarker(const Course &course);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCourseJail::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(course() + "/_data/course.yml", "title: Jail\nmodules: [m]\n"));
    QVERIFY(writeFile(course() + "/" + kPosts + "2020-01-01-good.md", "---\ntitle: Good\n---\nA good page.\n"));
    QVERIFY(writeFile(outside() + "/secret.md", "---\ntitle: " + kMarker + "\n---\n" + kMarker + "\n"));
    QVERIFY(writeFile(outside() + "/_config.yml", "title: " + kMarker + "\nx: " + kMarker + "\n"));
    QVERIFY(writeFile(outside() + "/module/_posts/2020-01-01-out.md", "---\ntitle: Out\n---\n" + kMarker + "\n"));
    QVERIFY(writeFile(outside() + "/include.html", kMarker));
}

bool TestCourseJail::loadWithinBound(const QString &root, Course *loaded)
{
    auto result = std::make_shared<std::promise<Course>>();
    std::future<Course> future = result->get_future();
    QElapsedTimer timer;
    timer.start();
    std::thread([result, root] { result->set_value(CourseLoader::load(root)); }).detach();
    if (future.wait_for(std::chrono::milliseconds(kBoundMs)) != std::future_status::ready) {
        qWarning("loading %s did not finish within %lld ms", qPrintable(root), kBoundMs);
        return false;
    }
    *loaded = future.get();
    qInfo("loaded in %lld ms", timer.elapsed());
    return true;
}

void TestCourseJail::verifyGoodPageAndNoMarker(const Course &course)
{
    const CoursePage *good = course.findPage(QStringLiteral("m/good"));
    QVERIFY2(good, qPrintable(dump(course)));
    QCOMPARE(good->markdown, QStringLiteral("A good page.\n"));
    QVERIFY2(!everything(course).contains(QString::fromLatin1(kMarker)), qPrintable(everything(course)));
}

void TestCourseJail::pageLinkedOutside()
{
    QVERIFY(QFile::link(outside() + "/secret.md", course() + "/" + kPosts + "2020-01-02-secret.md"));
    FolderAccessWatch watch(outside());
    QVERIFY(watch.isWatching());
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    QCOMPARE(watch.accesses(), QStringList());
    QVERIFY2(findDiagnostic(loaded, kPosts + "2020-01-02-secret.md", Diagnostic::Severity::Error,
                            {QStringLiteral("link"), QStringLiteral("outside the course folder")}),
             qPrintable(dump(loaded)));
}

void TestCourseJail::moduleFolderLinkedOutside()
{
    QVERIFY(QFile::link(outside() + "/module", course() + "/modules/linked"));
    FolderAccessWatch watch(outside());
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    QCOMPARE(moduleIds(loaded), QStringList{QStringLiteral("m")});
    QCOMPARE(watch.accesses(), QStringList());  // not even its folder listed
    QVERIFY2(findDiagnostic(loaded, QStringLiteral("modules/linked"), Diagnostic::Severity::Error,
                            {QStringLiteral("folder outside the course folder")}),
             qPrintable(dump(loaded)));
}

void TestCourseJail::configLinkedOutside()
{
    QVERIFY(QFile::link(outside() + "/_config.yml", course() + "/_config.yml"));
    QVERIFY(writeFile(course() + "/" + kPosts + "2020-01-02-site.md", "Value: {{ site.x }}.\n"));
    FolderAccessWatch watch(outside());
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    QVERIFY2(findDiagnostic(loaded, QStringLiteral("_config.yml"), Diagnostic::Severity::Error,
                            {QStringLiteral("link"), QStringLiteral("outside")}),
             qPrintable(dump(loaded)));

    // {{ site.x }} as the page shows it: empty, with the usual "not set" warning.
    const CoursePage *page = loaded.findPage(QStringLiteral("m/site"));
    QVERIFY(page);
    Diagnostics diagnostics;
    const QString shown = LiquidProcessor::process(page->markdown, {loaded.siteConfig, page->frontMatter, loaded.rootPath, page->relativePath, 1},
                                                   &diagnostics);
    QCOMPARE(shown, QStringLiteral("Value: .\n"));
    QCOMPARE(watch.accesses(), QStringList());
}

void TestCourseJail::includeLinkedOutside()
{
    QVERIFY(QDir().mkpath(course() + "/_includes"));
    QVERIFY(QFile::link(outside() + "/include.html", course() + "/_includes/out.html"));
    FolderAccessWatch watch(outside());
    Diagnostics diagnostics;
    const QString shown = LiquidProcessor::process(QStringLiteral("[{% include out.html %}]"),
                                                   {{}, {}, QDir(course()).canonicalPath(), QStringLiteral("p.md"), 1}, &diagnostics);
    QCOMPARE(shown, QStringLiteral("[]"));
    QCOMPARE(watch.accesses(), QStringList());
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY2(mentionsAll(diagnostics.first(), {QStringLiteral("_includes/out.html"), QStringLiteral("outside the course folder")}),
             qPrintable(diagnostics.first().toString()));
}

void TestCourseJail::pageLinkedToDevZero()
{
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), course() + "/" + kPosts + "2020-01-02-zero.md"));
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    // /dev/zero lies outside the course as well; either reason is a refusal by name.
    QVERIFY2(findDiagnostic(loaded, kPosts + "2020-01-02-zero.md", Diagnostic::Severity::Error, {QStringLiteral("outside")}),
             qPrintable(dump(loaded)));
    const CoursePage *zero = loaded.findPage(QStringLiteral("m/zero"));
    QVERIFY(zero && zero->markdown.isEmpty() && !zero->readError.isEmpty());
}

void TestCourseJail::fifoPage()
{
    const QByteArray fifo = QFile::encodeName(course() + "/" + kPosts + "2020-01-02-fifo.md");
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    Course loaded;
    const bool finished = loadWithinBound(&loaded);
    if (!finished)
        ::close(::open(fifo.constData(), O_WRONLY | O_NONBLOCK));  // lets a blocked reader go
    QVERIFY(finished);
    verifyGoodPageAndNoMarker(loaded);
    QVERIFY2(findDiagnostic(loaded, kPosts + "2020-01-02-fifo.md", Diagnostic::Severity::Error,
                            {QStringLiteral("not a regular file"), QStringLiteral("FIFO")}),
             qPrintable(dump(loaded)));
}

void TestCourseJail::fiftyMegabytePage()
{
    QFile big(course() + "/" + kPosts + "2020-01-02-big.md");
    QVERIFY(big.open(QIODevice::WriteOnly));
    const QByteArray chunk(1024 * 1024, 'a');  // one line, written a megabyte at a time
    for (int i = 0; i < 50; ++i)
        QCOMPARE(big.write(chunk), chunk.size());
    big.close();
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    QVERIFY2(findDiagnostic(loaded, kPosts + "2020-01-02-big.md", Diagnostic::Severity::Error,
                            {QStringLiteral("50.0 MB"), QStringLiteral("over 8.0 MB"), QStringLiteral("not read")}),
             qPrintable(dump(loaded)));
    const CoursePage *page = loaded.findPage(QStringLiteral("m/big"));
    QVERIFY2(page && page->markdown.isEmpty() && page->readError.contains(QStringLiteral("50.0 MB")), qPrintable(dump(loaded)));
}

void TestCourseJail::lineBreakInFileName()
{
    // Legal in a name: the page loads, its id on one line, its problems printed on one line.
    QVERIFY(writeFile(course() + "/" + kPosts + "2020-01-02-two\nlines.md", "---\ntitle: Two lines\n---\n{% bogus %}Body.\n"));
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    const CoursePage *page = loaded.findPage(QStringLiteral("m/two-lines"));
    QVERIFY2(page, qPrintable(allPageIds(loaded).join(QLatin1Char(' '))));
    QCOMPARE(page->markdown, QStringLiteral("{% bogus %}Body.\n"));
    Diagnostics diagnostics;
    LiquidProcessor::process(page->markdown, {{}, {}, loaded.rootPath, page->relativePath, page->bodyLine}, &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().toString(),
             kPosts + QStringLiteral("2020-01-02-two\\nlines.md:4: warning: Liquid tag {% bogus %} is not supported; removed"));
}

void TestCourseJail::invalidUtf8FileName()
{
    const QByteArray name = QFile::encodeName(course() + "/" + kPosts) + "2020-01-02-bad\xff.md";
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    QVERIFY(fd >= 0);
    // QTemporaryDir cannot remove a name that is not UTF-8 (QDir decodes names): this does.
    const std::unique_ptr<const char, void (*)(const char *)> removal(name.constData(), [](const char *path) { ::unlink(path); });
    QCOMPARE(::write(fd, "Bad name.\n", 10), ssize_t(10));
    ::close(fd);
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    verifyGoodPageAndNoMarker(loaded);
    QVERIFY2(findDiagnostic(loaded, kPosts + "2020-01-02-bad\\xff.md", Diagnostic::Severity::Error,
                            {QStringLiteral("not valid UTF-8"), QStringLiteral("rename")}),
             qPrintable(dump(loaded)));
}

void TestCourseJail::plainFolderWithLinkCycle()
{
    // A plain folder whose subfolder links back to the course itself: walked once, and its
    // page with a line break in its name is there.
    const QString plain = m_dir->path() + QStringLiteral("/plain");
    QVERIFY(writeFile(plain + "/notes/a\nb.md", "# A and B\n"));
    QVERIFY(QFile::link(plain, plain + "/notes/again"));
    QVERIFY(QFile::link(outside(), plain + "/away"));
    FolderAccessWatch watch(outside());
    QElapsedTimer timer;
    timer.start();
    const Course loaded = CourseLoader::load(plain);
    QVERIFY2(timer.elapsed() < kBoundMs, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(allPageIds(loaded), QStringList{QStringLiteral("notes/a-b")});
    QCOMPARE(loaded.pages().first()->title, QStringLiteral("A and B"));
    QCOMPARE(watch.accesses(), QStringList());
    QVERIFY2(findDiagnostic(loaded, QStringLiteral("away"), Diagnostic::Severity::Error, {QStringLiteral("outside")}),
             qPrintable(dump(loaded)));
}

void TestCourseJail::singleFileOpenedByPath()
{
    // The learner chose the file: a link to it is followed, its target's folder is the jail.
    QVERIFY(QFile::link(outside() + "/secret.md", m_dir->path() + "/chosen.md"));
    const Course chosen = CourseLoader::load(m_dir->path() + "/chosen.md");
    QCOMPARE(chosen.rootPath, QDir(outside()).canonicalPath());
    QVERIFY2(chosen.pages().first()->markdown.contains(QString::fromLatin1(kMarker)), qPrintable(dump(chosen)));
    // But a FIFO opened by path is still not a file to read.
    const QByteArray fifo = QFile::encodeName(m_dir->path() + "/pipe.md");
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    Course piped;
    const bool finished = loadWithinBound(QFile::decodeName(fifo), &piped);
    if (!finished)
        ::close(::open(fifo.constData(), O_WRONLY | O_NONBLOCK));  // lets a blocked reader go
    QVERIFY(finished);
    QCOMPARE(piped.pageCount(), 1);
    QVERIFY(!piped.pages().first()->readError.isEmpty());
    QVERIFY2(findDiagnostic(piped, QStringLiteral("pipe.md"), Diagnostic::Severity::Error, {QStringLiteral("FIFO")}),
             qPrintable(dump(piped)));
}

void TestCourseJail::includeBomb()
{
    // Includes nest at most 4 deep, but each level may include itself 100 times: 100^4.
    QByteArray bomb;
    for (int i = 0; i < 100; ++i)
        bomb += "{% include bomb.html %}";
    QVERIFY(writeFile(course() + "/_includes/bomb.html", bomb + "boom "));
    QVERIFY(writeFile(course() + "/" + kPosts + "2020-01-02-bomb.md", bomb + "\nAfter the bomb.\n"));
    Course loaded;
    QVERIFY(loadWithinBound(&loaded));
    const CoursePage *page = loaded.findPage(QStringLiteral("m/bomb"));
    QVERIFY(page);

    QElapsedTimer timer;
    timer.start();
    Diagnostics diagnostics;
    const QString shown = LiquidProcessor::process(page->markdown, {loaded.siteConfig, {}, loaded.rootPath, page->relativePath, 1}, &diagnostics);
    const qint64 ms = timer.elapsed();
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("the include bomb took %1 ms").arg(ms)));
    QVERIFY(shown.size() <= page->markdown.size() + LiquidProcessor::kMaxInsertedCharacters);
    QVERIFY(shown.count(QStringLiteral("boom")) > 0);
    QVERIFY(shown.endsWith(QStringLiteral("\nAfter the bomb.\n")));
    const auto budget = std::count_if(diagnostics.cbegin(), diagnostics.cend(), [](const Diagnostic &d) {
        return d.file == QStringLiteral("modules/m/_posts/2020-01-02-bomb.md") && d.message.contains(QStringLiteral("left out"));
    });
    QVERIFY2(budget == 1, qPrintable(QStringLiteral("%1 budget warnings").arg(budget)));
    QVERIFY2(diagnostics.size() == 2, qPrintable(QString::number(diagnostics.size())));  // the depth, said once, and the budget
}

void TestCourseJail::unclosedLiquidStaysLinear()
{
    // Two megabytes of "{{ }" that never close with "}}": no opening may scan the rest of the page.
    const QString page = QStringLiteral("{{ }").repeated(500'000) + QStringLiteral("{% raw %}");
    QElapsedTimer timer;
    timer.start();
    Diagnostics diagnostics;
    const QString shown = LiquidProcessor::process(page, {{}, {}, QDir(course()).canonicalPath(), QStringLiteral("p.md"), 1}, &diagnostics);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QCOMPARE(shown, QStringLiteral("{{ }").repeated(500'000));
    QCOMPARE(diagnostics.size(), 1);  // {% raw %} has no {% endraw %}, reported at its line
}

void TestCourseJail::peakMemoryOfEveryLoad()
{
    // Runs last: the peak of this process covers every load above, the 50 MB page included.
    rusage usage{};
    QCOMPARE(getrusage(RUSAGE_SELF, &usage), 0);
    QVERIFY2(usage.ru_maxrss < 300 * 1024, qPrintable(QStringLiteral("peak %1 MB").arg(usage.ru_maxrss / 1024)));
}

QTEST_GUILESS_MAIN(TestCourseJail)
#include "tst_course_jail.moc"
