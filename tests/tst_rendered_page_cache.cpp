// Tests for the rendered-page cache (RenderedPageCache, RenderDependencies): a page is rendered
// once and kept, and a kept page is never shown once what it was made from has changed, even
// when the file's size and time are as they were: the page itself, an include, a linked file
// appearing, an earlier page holding the KWL a later page returns to.

#include "CommandLineRun.h"
#include "RenderFixture.h"
#include "RenderedPageCache.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace RenderFixture;

class TestRenderedPageCache : public QObject
{
    Q_OBJECT

private slots:
    void keptOnDiskAndGivenBack();
    void pageEditedKeepingSizeAndTime();
    void pageEditedToAnotherSize();
    void includeEditedKeepingSizeAndTime();
    void linkedFileAppears();
    void earlierKwlEdited();
    void keptAcrossRunsAndMadeAgainWhenDamaged();
    void aPipeInItsPlaceStopsNothing();

private:
    // Rewrites a file, then gives it back the time it had: only its bytes tell the change.
    static void rewriteKeepingTime(const QString &path, const QByteArray &bytes);
    static int keptEntries(const QString &cacheFolder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
};

void TestRenderedPageCache::rewriteKeepingTime(const QString &path, const QByteArray &bytes)
{
    const QDateTime modified = QFileInfo(path).lastModified();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    QVERIFY(file.flush());  // before the time is set: a later write would move it again
    QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
    file.close();
    QCOMPARE(QFileInfo(path).lastModified(), modified);
}

// Entries in the cache's database, read as any SQLite reader reads it.
int TestRenderedPageCache::keptEntries(const QString &cacheFolder)
{
    RenderedPageCache::waitForWrites();
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("kept"));
        db.setDatabaseName(cacheFolder + QStringLiteral("/rendered-pages.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("SELECT count(*) FROM pages")) && query.next())
            count = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("kept"));
    return count;
}

void TestRenderedPageCache::keptOnDiskAndGivenBack()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"),
                   QStringLiteral("<div class=\"reflection\" markdown=\"1\">\n**Think**\n\nWhat next?\n</div>\n\n[missing](nowhere.html)\n"));
    QVERIFY(course.isValid());
    const int before = qMax(0, keptEntries());
    const Course loaded = course.load();
    const RenderedPage first = renderPage(loaded, QStringLiteral("m/a"));
    QCOMPARE(keptEntries(), before + 1);
    // A second renderer, as another part of the app makes, and a course loaded again, as a new run does.
    for (const Course &again : {loaded, course.load()}) {
        const RenderedPage second = renderPage(again, QStringLiteral("m/a"));
        QCOMPARE(second.documentHtml, first.documentHtml);
        QCOMPARE(second.activities, first.activities);
        QCOMPARE(second.diagnostics.size(), first.diagnostics.size());
        QVERIFY2(findDiagnostic(second, {QStringLiteral("broken link"), QStringLiteral("nowhere.html")}), context(second));
    }
    QCOMPARE(first.activities.size(), 1);
    QCOMPARE(keptEntries(), before + 1);
}

void TestRenderedPageCache::pageEditedKeepingSizeAndTime()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("Old words here.\n"));
    QVERIFY(course.isValid());
    QVERIFY(renderPage(course.load(), QStringLiteral("m/a")).bodyHtml.contains(QLatin1String("Old words")));
    rewriteKeepingTime(course.path() + QStringLiteral("/modules/m/_posts/2020-01-01-a.md"),
                       "---\ntitle: Page A\n---\nNew words here.\n");
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("New words")) && !page.bodyHtml.contains(QLatin1String("Old")), context(page));
}

void TestRenderedPageCache::pageEditedToAnotherSize()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("First text.\n"));
    QVERIFY(course.isValid());
    QVERIFY(renderPage(course.load(), QStringLiteral("m/a")).bodyHtml.contains(QLatin1String("First text")));
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("A longer second text.\n"));
    const RenderedPage page = renderPage(course.load(), QStringLiteral("m/a"));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("longer second")) && !page.bodyHtml.contains(QLatin1String("First")), context(page));
}

void TestRenderedPageCache::includeEditedKeepingSizeAndTime()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("{% include note.html %}\n"));
    QVERIFY(course.isValid());
    // The same course and renderer throughout: the app keeps both while its window is open.
    const Course loaded = course.load();
    const PageRenderer renderer(loaded);
    const CoursePage &page = *loaded.findPage(QStringLiteral("m/a"));
    QVERIFY(renderer.render(page).bodyHtml.contains(QLatin1String("Included note")));
    rewriteKeepingTime(course.path() + QStringLiteral("/_includes/note.html"), "<aside class=\"note\">Replaced note</aside>\n");
    RenderedPage rendered = renderer.render(page);
    QVERIFY2(rendered.bodyHtml.contains(QLatin1String("Replaced note")), context(rendered));
    QVERIFY(QFile::remove(course.path() + QStringLiteral("/_includes/note.html")));
    rendered = renderer.render(page);
    QVERIFY2(!rendered.bodyHtml.contains(QLatin1String("note</aside>")), context(rendered));
    QVERIFY2(findDiagnostic(rendered, {QStringLiteral("note.html"), QStringLiteral("no such file")}), context(rendered));
}

void TestRenderedPageCache::linkedFileAppears()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("[Sheet](/docs/sheet.pdf)\n"));
    QVERIFY(course.isValid());
    const Course loaded = course.load();
    RenderedPage page = renderPage(loaded, QStringLiteral("m/a"));
    QVERIFY2(page.bodyHtml.contains(QLatin1String("broken-link")), context(page));
    course.write(QStringLiteral("docs/sheet.pdf"), "%PDF-1.4\n");
    page = renderPage(loaded, QStringLiteral("m/a"));
    QVERIFY2(!page.bodyHtml.contains(QLatin1String("broken-link")) && page.diagnostics.isEmpty(), context(page));
}

void TestRenderedPageCache::earlierKwlEdited()
{
    TestCourse course;
    const QString kwl = QStringLiteral("<div class=\"callout activity\" markdown=\"1\">\n## Worksheet #1: %1\n\n"
                                       "List what you know and what you want to learn; you will come back to fill in what you learned.\n</div>\n");
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), kwl.arg(QStringLiteral("KWL")));
    course.addPage(QStringLiteral("2020-01-04-d.md"), QStringLiteral("Page D"),
                   QStringLiteral("<div class=\"callout activity\" markdown=\"1\">\n## Return to Worksheet #1: KWL\n\n"
                                  "Open the chart you began and complete its Learned column.\n</div>\n"));
    QVERIFY(course.isValid());
    const QVector<ActivitySpec> before = renderPage(course.load(), QStringLiteral("m/d")).activities;
    // Page D is the same; only the page before it, whose KWL D returns to, changes.
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), kwl.arg(QStringLiteral("Garden KWL")));
    const QVector<ActivitySpec> after = renderPage(course.load(), QStringLiteral("m/d")).activities;
    QCOMPARE(before.size(), 1);
    QCOMPARE(after.size(), 1);
    QCOMPARE(before.first().id, QStringLiteral("m/a#worksheet-1-kwl"));
    QCOMPARE(after.first().id, QStringLiteral("m/a#worksheet-1-garden-kwl"));
}

void TestRenderedPageCache::keptAcrossRunsAndMadeAgainWhenDamaged()
{
    // The app's cache folder, in a cache home of this test's own: a file there that is no
    // database (damaged, cut short, another program's), and the folder of files per page that
    // earlier versions kept.
    QTemporaryDir home;
    const QString folder = home.filePath(QStringLiteral("coursebook/coursebook"));
    QVERIFY(CommandLineRun::writeFile(folder + QStringLiteral("/rendered-pages.sqlite"), QByteArray("not a database\n").repeated(500)));
    QVERIFY(CommandLineRun::writeFile(folder + QStringLiteral("/rendered-pages/0a1b/2c3d"), "an old entry"));
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("Kept **across** runs.\n"));
    course.addPage(QStringLiteral("2020-01-02-b.md"), QStringLiteral("Page B"), QStringLiteral("The second page.\n"));
    QVERIFY(course.isValid());
    const QByteArray saved = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", home.path().toLocal8Bit());
    const QStringList render{QStringLiteral("--course"), course.path(), QStringLiteral("--render"), QStringLiteral("m/a")};
    const CommandLineRun::Run first = CommandLineRun::runApp(render);
    const CommandLineRun::Run second = CommandLineRun::runApp(render);
    qputenv("XDG_CACHE_HOME", saved);
    for (const CommandLineRun::Run &run : {first, second}) {
        QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.outText().contains(QLatin1String("Kept <strong>across</strong> runs.")), qPrintable(run.describe()));
    }
    QCOMPARE(second.out, first.out);
    QCOMPARE(keptEntries(folder), 1);  // made again, holding the page the runs rendered
    QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/rendered-pages")));
}

void TestRenderedPageCache::aPipeInItsPlaceStopsNothing()
{
    // A named pipe where the cache file goes: a first read that waited for data would wait for
    // ever. The page is shown, and the pipe is still a pipe.
    QTemporaryDir home;
    const QString folder = home.filePath(QStringLiteral("coursebook/coursebook"));
    QVERIFY(QDir().mkpath(folder));
    const QByteArray pipe = QFile::encodeName(folder + QStringLiteral("/rendered-pages.sqlite"));
    QCOMPARE(::mkfifo(pipe.constData(), 0600), 0);
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), QStringLiteral("Shown without a cache.\n"));
    QVERIFY(course.isValid());
    const QByteArray saved = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", home.path().toLocal8Bit());
    const CommandLineRun::Run run =
        CommandLineRun::runApp({QStringLiteral("--course"), course.path(), QStringLiteral("--render"), QStringLiteral("m/a")});
    qputenv("XDG_CACHE_HOME", saved);
    QVERIFY2(run.ok() && run.exitCode == 0 && run.outText().contains(QLatin1String("Shown without a cache.")), qPrintable(run.describe()));
    QVERIFY(QFileInfo(QFile::decodeName(pipe)).exists() && !QFileInfo(QFile::decodeName(pipe)).isFile());
}

QTEST_GUILESS_MAIN(TestRenderedPageCache)
#include "tst_rendered_page_cache.moc"
