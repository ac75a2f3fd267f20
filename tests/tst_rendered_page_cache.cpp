// Tests for the rendered-page cache (RenderedPageCache, RenderDependencies): a page is rendered
// once and kept, and a kept page is never shown once what it was made from has changed, even
// when the file's size and time are as they were: the page itself, an include, a linked file
// appearing, an earlier page holding the KWL a later page returns to.

#include "RenderFixture.h"
#include "RenderedPageCache.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

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

private:
    // Rewrites a file, then gives it back the time it had: only its bytes tell the change.
    static void rewriteKeepingTime(const QString &path, const QByteArray &bytes);
    static int keptFiles();
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

int TestRenderedPageCache::keptFiles()
{
    RenderedPageCache::waitForWrites();
    int count = 0;
    QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/rendered-pages"),
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

void TestRenderedPageCache::keptOnDiskAndGivenBack()
{
    TestCourse course;
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"),
                   QStringLiteral("<div class=\"reflection\" markdown=\"1\">\n**Think**\n\nWhat next?\n</div>\n\n[missing](nowhere.html)\n"));
    QVERIFY(course.isValid());
    const int before = keptFiles();
    const Course loaded = course.load();
    const RenderedPage first = renderPage(loaded, QStringLiteral("m/a"));
    QCOMPARE(keptFiles(), before + 1);
    // A second renderer, as another part of the app makes, and a course loaded again, as a new run does.
    for (const Course &again : {loaded, course.load()}) {
        const RenderedPage second = renderPage(again, QStringLiteral("m/a"));
        QCOMPARE(second.documentHtml, first.documentHtml);
        QCOMPARE(second.activities, first.activities);
        QCOMPARE(second.diagnostics.size(), first.diagnostics.size());
        QVERIFY2(findDiagnostic(second, {QStringLiteral("broken link"), QStringLiteral("nowhere.html")}), context(second));
    }
    QCOMPARE(first.activities.size(), 1);
    QCOMPARE(keptFiles(), before + 1);
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

QTEST_GUILESS_MAIN(TestRenderedPageCache)
#include "tst_rendered_page_cache.moc"
