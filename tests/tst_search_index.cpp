// The search index (SearchIndex, SearchWorker) on real course folders and a real answers
// database: what the learner types finds pages, their answers and their notes.

#include "AnswerFixture.h"
#include "AnswerStore.h"
#include "CourseLoader.h"
#include "GeneratedCourse.h"
#include "PageRenderer.h"
#include "SearchIndex.h"
#include "SearchWorker.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

// A small Course-in-a-Box course: a module of three pages, one with a reflection.
bool writeCourse(const QString &root)
{
    const QString posts = root + QStringLiteral("/modules/garden/_posts/");
    return writeFile(root + QStringLiteral("/_data/course.yml"), QStringLiteral("id: search-course\ntitle: Search course\nmodules:\n  - garden\n"))
        && writeFile(posts + QStringLiteral("2024-01-01-watershed.md"),
                     QStringLiteral("---\ntitle: Watershed\n---\n\nWhere the rain goes.\n\n## Soaking the soil\n\n"
                                    "Mulch keeps moisture in the beds.\n"))
        && writeFile(posts + QStringLiteral("2024-01-02-rivers.md"),
                     QStringLiteral("---\ntitle: Rivers and streams\n---\n\nEvery river has a watershed, and a watershed feeds "
                                    "many streams; the watershed is named for its river.\n\nNotes on educación ambiental.\n"))
        && writeFile(posts + QStringLiteral("2024-01-03-journal.md"),
                     QStringLiteral("---\ntitle: Journal\n---\n\nKeep a journal.\n\n<div class=\"reflection\" markdown=\"1\">\n"
                                    "**Reflect on the season**\n\nWhat grew?\n</div>\n\n"
                                    "<div class=\"facilitator-notes\" markdown=\"1\">\nAllow ten minutes for the scarecrow game.\n</div>\n"));
}

QString reflectionId(const Course &course)
{
    return PageRenderer(course).render(*course.findPage(QStringLiteral("garden/journal"))).activities.value(0).id;
}

QStringList pageIds(const QVector<SearchHit> &hits, SearchHit::Kind kind)
{
    QStringList ids;
    for (const SearchHit &hit : hits) {
        if (hit.kind == kind)
            ids << hit.pageId;
    }
    return ids;
}

}  // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void findsPagesWithTheirHeadingAndModule();
    void findsAnAnswerAsSoonAsItIsSaved();
    void findsNotesAndForgetsEmptiedOnes();
    void foldsAccentsBothWays();
    void matchesTheWordBeingTyped();
    void exactTitleRanksFirst();
    void hostileInputIsJustText_data();
    void hostileInputIsJustText();
    void oldDatabaseGetsItsAnswersIndexed();
    void thousandPagesIndexOnceAndAgainOnlyWhenChanged();
    void workerAnswersOnlyTheNewestRequest();

private:
    QVector<SearchHit> search(const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    Course m_course;
    std::unique_ptr<SearchIndex> m_index;
};

void TestSearchIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeCourse(m_dir->filePath(QStringLiteral("course"))));
    m_course = CourseLoader::load(m_dir->filePath(QStringLiteral("course")));
    QVERIFY(m_course.findPage(QStringLiteral("garden/journal")));
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    AnswerStore store;
    QCOMPARE(int(store.open(m_dataDir).status), int(AnswerStore::OpenReport::Status::Ok));
    m_index = std::make_unique<SearchIndex>(store.databasePath());
    QString error;
    QVERIFY2(m_index->open(&error), qPrintable(error));
    QVERIFY2(m_index->updateCourse(m_course, &error), qPrintable(error));
}

QVector<SearchHit> TestSearchIndex::search(const QString &text)
{
    QString error;
    const QVector<SearchHit> hits = m_index->search(m_course, text, 20, &error);
    [&] { QVERIFY2(error.isEmpty(), qPrintable(error)); }();
    return hits;
}

void TestSearchIndex::findsPagesWithTheirHeadingAndModule()
{
    const QVector<SearchHit> hits = search(QStringLiteral("mulch"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].kind, SearchHit::Kind::Page);
    QCOMPARE(hits[0].pageId, QStringLiteral("garden/watershed"));
    QCOMPARE(hits[0].title, QStringLiteral("Watershed"));
    QCOMPARE(hits[0].moduleId, QStringLiteral("garden"));
    QCOMPARE(hits[0].moduleTitle, m_course.findModule(QStringLiteral("garden"))->title);
    QCOMPARE(hits[0].anchor, QStringLiteral("soaking-the-soil"));  // the heading above the match
    QVERIFY2(hits[0].snippet.contains(SearchHit::kMatchStart + QStringLiteral("Mulch") + SearchHit::kMatchEnd), qPrintable(hits[0].snippet));
    QVERIFY(!hits[0].snippet.contains(QLatin1Char('<')));
    // Before the first heading: the page itself.
    const QVector<SearchHit> top = search(QStringLiteral("rain"));
    QCOMPARE(top.size(), 1);
    QCOMPARE(top[0].anchor, QString());
    // Words under different headings of one page: the page.
    QCOMPARE(pageIds(search(QStringLiteral("rain mulch")), SearchHit::Kind::Page), QStringList{QStringLiteral("garden/watershed")});
    QVERIFY(search(QStringLiteral("nothinglikethis")).isEmpty());
    QVERIFY(search(QStringLiteral("scarecrow")).isEmpty());  // facilitator notes: hidden from the learner
    QVERIFY(search(QStringLiteral("  ")).isEmpty());
}

void TestSearchIndex::findsAnAnswerAsSoonAsItIsSaved()
{
    const QString activity = reflectionId(m_course);
    QVERIFY(!activity.isEmpty());
    AnswerStore store;
    store.open(m_dataDir);
    QVERIFY(store.save(AnswerFixture::textAnswer(activity, QStringLiteral("The tomatoes loved the compost"), 0, m_course.id)));
    QVector<SearchHit> hits = search(QStringLiteral("compost"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].kind, SearchHit::Kind::Answer);
    QCOMPARE(hits[0].activityId, activity);
    QCOMPARE(hits[0].pageId, QStringLiteral("garden/journal"));
    QCOMPARE(hits[0].title, QStringLiteral("Journal"));
    QVERIFY(hits[0].snippet.contains(SearchHit::kMatchStart + QStringLiteral("compost") + SearchHit::kMatchEnd));

    // Edited (the same typing burst, rewritten in place), then a new version: only the current text is found.
    QVERIFY(store.save(AnswerFixture::textAnswer(activity, QStringLiteral("The peppers loved the manure"), 1000, m_course.id)));
    QVERIFY(search(QStringLiteral("compost")).isEmpty());
    QCOMPARE(search(QStringLiteral("peppers")).size(), 1);
    store.setBurstSeconds(0);
    QVERIFY(store.save(AnswerFixture::textAnswer(activity, QStringLiteral("Beans, in the end"), 600000, m_course.id)));
    QVERIFY(search(QStringLiteral("peppers")).isEmpty());
    QCOMPARE(pageIds(search(QStringLiteral("beans")), SearchHit::Kind::Answer), QStringList{QStringLiteral("garden/journal")});

    // An answer to an activity this course does not have opens nothing: not listed.
    QVERIFY(store.save(AnswerFixture::textAnswer(QStringLiteral("gone#old"), QStringLiteral("beans again"), 0, m_course.id)));
    QCOMPARE(search(QStringLiteral("beans")).size(), 1);
}

void TestSearchIndex::findsNotesAndForgetsEmptiedOnes()
{
    const QString path = QDir(m_dataDir).filePath(QStringLiteral("answers.sqlite"));
    const auto saveNote = [&](const QString &text, const QString &updated) {
        AnswerFixture::sqlite(path, {QStringLiteral("INSERT INTO note_versions (course_id, page_id, text, updated) VALUES "
                                                    "('search-course', 'garden/rivers', '%1', '%2')").arg(text, updated)});
    };
    saveNote(QStringLiteral("Ask about the floodplain"), QStringLiteral("2024-05-01T09:00:00.000Z"));
    QVector<SearchHit> hits = search(QStringLiteral("floodplain"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].kind, SearchHit::Kind::Note);
    QCOMPARE(hits[0].pageId, QStringLiteral("garden/rivers"));
    QCOMPARE(hits[0].title, QStringLiteral("Rivers and streams"));
    saveNote(QString(), QStringLiteral("2024-05-01T10:00:00.000Z"));  // the note emptied: no note
    QVERIFY(search(QStringLiteral("floodplain")).isEmpty());
}

void TestSearchIndex::foldsAccentsBothWays()
{
    QCOMPARE(pageIds(search(QStringLiteral("educacion")), SearchHit::Kind::Page), QStringList{QStringLiteral("garden/rivers")});
    QCOMPARE(pageIds(search(QStringLiteral("EDUCACIÓN")), SearchHit::Kind::Page), QStringList{QStringLiteral("garden/rivers")});
    AnswerStore store;
    store.open(m_dataDir);
    QVERIFY(store.save(AnswerFixture::textAnswer(reflectionId(m_course), QStringLiteral("cafe con leche"), 0, m_course.id)));
    QCOMPARE(pageIds(search(QStringLiteral("café")), SearchHit::Kind::Answer), QStringList{QStringLiteral("garden/journal")});
    // Highlighting a page uses the words as typed.
    QCOMPARE(SearchIndex::matchTerms(QStringLiteral(" café, \"au\" lait*")), (QStringList{QStringLiteral("café"), QStringLiteral("au"), QStringLiteral("lait")}));
}

void TestSearchIndex::matchesTheWordBeingTyped()
{
    QCOMPARE(pageIds(search(QStringLiteral("moist")), SearchHit::Kind::Page), QStringList{QStringLiteral("garden/watershed")});
    QCOMPARE(pageIds(search(QStringLiteral("educ")), SearchHit::Kind::Page), QStringList{QStringLiteral("garden/rivers")});
    // Only the last word is a prefix; every word is required.
    QCOMPARE(search(QStringLiteral("moisture beds")).size(), 1);
    QCOMPARE(search(QStringLiteral("moisture bed")).size(), 1);
    QVERIFY(search(QStringLiteral("moist bed beds")).isEmpty());
}

void TestSearchIndex::exactTitleRanksFirst()
{
    // "Rivers and streams" says watershed three times; the page titled Watershed once (the
    // course home lists it too).
    const QVector<SearchHit> hits = search(QStringLiteral("watershed"));
    QCOMPARE(pageIds(hits, SearchHit::Kind::Page).mid(0, 1), QStringList{QStringLiteral("garden/watershed")});
    QVERIFY(pageIds(hits, SearchHit::Kind::Page).contains(QStringLiteral("garden/rivers")));
    QVERIFY(hits[0].rank < hits[1].rank);
}

void TestSearchIndex::hostileInputIsJustText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("hits");
    QTest::newRow("quote") << QStringLiteral("\"") << 0;
    QTest::newRow("unbalanced quote") << QStringLiteral("mulch\"") << 1;
    QTest::newRow("NEAR") << QStringLiteral("NEAR(mulch beds)") << 0;  // "near" is not in the page
    QTest::newRow("operators") << QStringLiteral("mulch AND OR NOT") << 0;
    QTest::newRow("star") << QStringLiteral("*") << 0;
    QTest::newRow("column filter") << QStringLiteral("title:mulch") << 0;
    QTest::newRow("parentheses") << QStringLiteral("((mulch") << 1;
    QTest::newRow("caret and minus") << QStringLiteral("^mulch -beds") << 1;
    QTest::newRow("snippet marks") << QString(SearchHit::kMatchStart) + QStringLiteral("mulch") << 1;
    QTest::newRow("100 KB") << QStringLiteral("mulch (\"NEAR* ").repeated(100 * 1024 / 14) << 0;
    QTest::newRow("100 KB one word") << QStringLiteral("m").repeated(100 * 1024) << 0;
}

void TestSearchIndex::hostileInputIsJustText()
{
    QFETCH(QString, text);
    QFETCH(int, hits);
    QCOMPARE(search(text).size(), hits);
}

void TestSearchIndex::oldDatabaseGetsItsAnswersIndexed()
{
    // A schema 3 file as the previous version left it: an answer and a note, no index.
    const QString path = QDir(m_dataDir).filePath(QStringLiteral("answers.sqlite"));
    m_index.reset();
    QStringList drop;
    for (const QString &name : AnswerFixture::sqlite(path, {QStringLiteral("SELECT group_concat(type || ' ' || name, ',') FROM sqlite_master"
                                                                           " WHERE name LIKE 'search%' OR name LIKE '%_search_%'")})
                                   .toString().split(QLatin1Char(','))) {
        if (name.startsWith(QLatin1String("table ")) || name.startsWith(QLatin1String("view ")) || name.startsWith(QLatin1String("trigger ")))
            drop << QStringLiteral("DROP %1 IF EXISTS %2").arg(name.section(QLatin1Char(' '), 0, 0).toUpper(), name.section(QLatin1Char(' '), 1));
    }
    drop << QStringLiteral("PRAGMA user_version = 3")
         << QStringLiteral("INSERT INTO answer_versions (course_id, activity_id, kind, value, done, updated) VALUES ('search-course', '%1',"
                           " 'reflection', '{\"text\":\"sunflowers\"}', 0, '2024-05-01T09:00:00.000Z')").arg(reflectionId(m_course))
         << QStringLiteral("INSERT INTO note_versions (course_id, page_id, text, updated) VALUES ('search-course', 'garden/rivers',"
                           " 'herons nest here', '2024-05-01T09:00:00.000Z')");
    AnswerFixture::sqlite(path, drop);
    QCOMPARE(AnswerFixture::sqlite(path, {QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%search%'")}).toInt(), 0);

    m_index = std::make_unique<SearchIndex>(path);
    QString error;
    QVERIFY2(m_index->open(&error) && m_index->updateCourse(m_course, &error), qPrintable(error));
    QCOMPARE(AnswerFixture::sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), AnswerStore::kSchemaVersion);
    QCOMPARE(pageIds(search(QStringLiteral("sunflowers")), SearchHit::Kind::Answer), QStringList{QStringLiteral("garden/journal")});
    QCOMPARE(pageIds(search(QStringLiteral("herons")), SearchHit::Kind::Note), QStringList{QStringLiteral("garden/rivers")});
}

void TestSearchIndex::thousandPagesIndexOnceAndAgainOnlyWhenChanged()
{
    const QString root = m_dir->filePath(QStringLiteral("generated"));
    QString error;
    QVERIFY2(GeneratedCourse::write(root, 50, 20, &error), qPrintable(error));
    const Course course = CourseLoader::load(root);
    QCOMPARE(course.pageCount(), 1001);  // and the course home
    const QString path = QDir(m_dataDir).filePath(QStringLiteral("answers.sqlite"));
    SearchIndex index(path);
    QVERIFY2(index.open(&error) && index.updateCourse(course, &error), qPrintable(error));
    QCOMPARE(index.rebuildCount(), 1);
    QCOMPARE(AnswerFixture::sqlite(path, {QStringLiteral("SELECT count(DISTINCT page_id) FROM search_documents WHERE course_id = '%1'"
                                                         " AND kind = 'page'").arg(course.id)}).toInt(), 1001);
    QVERIFY2(index.updateCourse(course, &error), qPrintable(error));
    QCOMPARE(index.rebuildCount(), 1);  // nothing changed: nothing re-indexed

    QVector<SearchHit> hits = index.search(course, QStringLiteral("relationships"), 2000, &error);
    QCOMPARE(hits.size(), 1000);  // one hit a page, however many of its sections match
    hits = index.search(course, QStringLiteral("Page 17.3"), 5, &error);
    QVERIFY2(hits.size() == 5, qPrintable(error));
    // Pages whose title has the rarest word come before the many that only mention it ("3" is
    // in every page's text, so it weighs nothing).
    for (const SearchHit &hit : hits)
        QVERIFY2(hit.title.contains(QLatin1String("17")), qPrintable(hit.title));

    // One page edited and the course loaded again: it is indexed again and the new word found.
    const CoursePage *page = course.findPage(QStringLiteral("m17/page-3"));
    QFile file(page->filePath);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\nA kingfisher appears.\n");
    file.close();
    QVERIFY(index.search(course, QStringLiteral("kingfisher"), 5, &error).isEmpty());
    const Course reloaded = CourseLoader::load(root);
    QVERIFY2(index.updateCourse(reloaded, &error), qPrintable(error));
    QCOMPARE(index.rebuildCount(), 2);
    QCOMPARE(index.search(reloaded, QStringLiteral("kingfisher"), 5, &error).value(0).pageId, page->id);
}

void TestSearchIndex::workerAnswersOnlyTheNewestRequest()
{
    m_index.reset();
    QThread thread;
    auto *worker = new SearchWorker(QDir(m_dataDir).filePath(QStringLiteral("answers.sqlite")));
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy ready(worker, &SearchWorker::indexReady);
    QSignalSpy results(worker, &SearchWorker::results);
    QSignalSpy failed(worker, &SearchWorker::failed);
    // Queued before the thread runs: the three requests wait behind the indexing, as typing does.
    const auto course = std::make_shared<const Course>(m_course);
    QMetaObject::invokeMethod(worker, [worker, course] { worker->setCourse(course); }, Qt::QueuedConnection);
    for (const auto &[id, text] : {std::pair{1, QStringLiteral("w")}, {2, QStringLiteral("wat")}, {3, QStringLiteral("mulch")}})
        QMetaObject::invokeMethod(worker, [worker, id = id, text = text] { worker->search(quint64(id), text); }, Qt::QueuedConnection);
    thread.start();
    QVERIFY(results.wait(60000));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0][0].toULongLong(), quint64(3));
    QCOMPARE(results[0][1].toString(), QStringLiteral("mulch"));
    QCOMPARE(results[0][2].value<QVector<SearchHit>>().value(0).pageId, QStringLiteral("garden/watershed"));
    thread.quit();
    thread.wait();
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_search_index.moc"
