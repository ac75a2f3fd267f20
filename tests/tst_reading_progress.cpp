// Tests for where the learner stands: the rules that make a page unread, visited or done,
// the progress kept in the answer store (and its schema migration), a course's counts and
// open activities, and progress travelling in the portable answers file (version 2, still
// reading version 1).

#include "AnswerFixture.h"
#include "AnswerJson.h"
#include "AnswerStore.h"
#include "CourseLoader.h"
#include "CourseProgress.h"
#include "PageState.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace AnswerFixture;
using Mark = PageProgress::Mark;
using Stage = AnswerProgress::Stage;
using State = PageState::State;

namespace {

const QString kProgressCourse = QStringLiteral(TESTDATA_DIR "/progress");
const QString kPlanFirst = QStringLiteral("first/plan#your-first-idea");
const QString kPlanSecond = QStringLiteral("first/plan#who-it-is-for");

Answer response(const QString &activityId, const QString &text, bool done)
{
    Answer answer = textAnswer(activityId, text, 0, QStringLiteral("progress-course"));
    answer.kind = QStringLiteral("response");
    answer.done = done;
    return answer;
}

PageProgress page(const QString &pageId, bool visited, Mark mark, const QDateTime &marked, const QString &anchor,
                  const QDateTime &read)
{
    PageProgress progress;
    progress.pageId = pageId;
    progress.visited = visited;
    progress.mark = mark;
    progress.markUpdated = marked;
    progress.anchor = anchor;
    progress.offset = anchor.isEmpty() ? 0 : 0.25;
    progress.read = read;
    return progress;
}

const PageProgress *find(const QVector<PageProgress> &all, const QString &pageId)
{
    const auto found = std::find_if(all.begin(), all.end(), [&](const PageProgress &p) { return p.pageId == pageId; });
    return found == all.end() ? nullptr : &*found;
}

}  // namespace

class TestReadingProgress : public QObject
{
    Q_OBJECT
private slots:
    void pageStateRules_data();
    void pageStateRules();
    void storeKeepsVisitsMarksAndPosition();
    void courseCountsAndOpenActivities();
    void migratesVersionOneDatabaseKeepingAnswers();
    void answersFileCarriesProgress();
    void importMergesProgressWithoutLosingAny();
    void versionOneFileStillImports();
};

void TestReadingProgress::pageStateRules_data()
{
    QTest::addColumn<bool>("shown");
    QTest::addColumn<int>("mark");
    QTest::addColumn<QVector<Stage>>("activities");
    QTest::addColumn<State>("expected");
    const QVector<Stage> none;
    const QVector<Stage> allDone{Stage::Done, Stage::Done};
    const QVector<Stage> oneOpen{Stage::Done, Stage::InProgress};
    QTest::newRow("never shown") << false << int(Mark::None) << oneOpen << State::Unread;
    QTest::newRow("shown on load") << true << int(Mark::None) << oneOpen << State::Visited;
    QTest::newRow("no activities, shown: not done until marked") << true << int(Mark::None) << none << State::Visited;
    QTest::newRow("no activities, marked") << true << int(Mark::Done) << none << State::Done;
    QTest::newRow("all activities done") << true << int(Mark::None) << allDone << State::Done;
    QTest::newRow("all done, never opened (answered elsewhere)") << false << int(Mark::None) << allDone << State::Done;
    QTest::newRow("marked with one open") << true << int(Mark::Done) << oneOpen << State::Done;
    QTest::newRow("unmarked, one open") << true << int(Mark::None) << oneOpen << State::Visited;
    QTest::newRow("marked not done, all done") << true << int(Mark::NotDone) << allDone << State::Visited;
}

void TestReadingProgress::pageStateRules()
{
    QFETCH(bool, shown);
    QFETCH(int, mark);
    QFETCH(QVector<Stage>, activities);
    QFETCH(State, expected);
    PageProgress progress;
    progress.visited = shown;
    progress.mark = Mark(mark);
    const bool stored = shown || progress.mark != Mark::None;
    QCOMPARE(PageState::of(stored ? &progress : nullptr, activities), expected);
}

void TestReadingProgress::storeKeepsVisitsMarksAndPosition()
{
    QTemporaryDir dir;
    {
        AnswerStore store;
        QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        QSignalSpy changed(&store, &AnswerStore::progressChanged);
        QVERIFY(store.progress(kCourse).isEmpty());
        QVERIFY2(store.saveReadingPosition(kCourse, QStringLiteral("m1/intro"), QString(), 0), qPrintable(store.lastError()));
        QVERIFY(store.saveReadingPosition(kCourse, QStringLiteral("m1/long"), QStringLiteral("peers-and-mentors"), 0.4));
        QVERIFY(store.markPage(kCourse, QStringLiteral("m1/intro"), Mark::Done));
        QVERIFY(store.markPage(QStringLiteral("other-course"), QStringLiteral("m1/intro"), Mark::Done));
        QCOMPARE(changed.size(), 4);
        QCOMPARE(changed.at(1).at(1).toString(), QStringLiteral("m1/long"));
        QVERIFY(store.markPage(kCourse, QStringLiteral("m1/intro"), Mark::None));  // unmarked again
    }
    AnswerStore reopened;
    QCOMPARE(reopened.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    const QVector<PageProgress> all = reopened.progress(kCourse);
    QCOMPARE(all.size(), 2);
    const PageProgress *intro = find(all, QStringLiteral("m1/intro"));
    QVERIFY(intro);
    QVERIFY(intro->visited);
    QCOMPARE(intro->mark, Mark::None);
    QVERIFY(intro->markUpdated.isValid());
    const PageProgress *longPage = find(all, QStringLiteral("m1/long"));
    QVERIFY(longPage);
    QCOMPARE(longPage->anchor, QStringLiteral("peers-and-mentors"));
    QCOMPARE(longPage->offset, 0.4);
    QCOMPARE(find(reopened.progress(QStringLiteral("other-course")), QStringLiteral("m1/intro"))->mark, Mark::Done);
}

void TestReadingProgress::courseCountsAndOpenActivities()
{
    const Course course = CourseLoader::load(kProgressCourse);
    const CourseProgress::ActivitiesByPage activities = CourseProgress::activitiesOf(course);
    QCOMPARE(activities.value(QStringLiteral("first/plan")).size(), 2);

    QVector<PageProgress> progress{page(QStringLiteral("first/welcome"), true, Mark::None, {}, {}, kBase),
                                   page(QStringLiteral("first/plan"), true, Mark::None, {}, {}, kBase.addSecs(60))};
    CourseProgress before(course, activities, progress, {response(kPlanFirst, QStringLiteral("A zine club"), true)});
    QCOMPARE(before.state(QStringLiteral("first/welcome")), State::Visited);
    QCOMPARE(before.state(QStringLiteral("first/plan")), State::Visited);
    QCOMPARE(before.state(QStringLiteral("first/long-read")), State::Unread);
    QCOMPARE(before.module(QStringLiteral("first")).done, 0);
    QCOMPARE(before.module(QStringLiteral("first")).total, 3);
    QStringList open;
    for (const CourseProgress::OpenActivity &activity : before.openActivities())
        open << activity.spec.id;
    QCOMPARE(open, (QStringList{kPlanSecond, QStringLiteral("second/reflect#looking-back")}));
    QCOMPARE(before.openActivities().first().pageTitle, QStringLiteral("Make a Plan"));

    // The second activity done and the welcome page marked: two of three pages done.
    progress[0].mark = Mark::Done;
    const CourseProgress after(course, activities, progress,
                               {response(kPlanFirst, QStringLiteral("A zine club"), true), response(kPlanSecond, QStringLiteral("Ages 13-15"), true)});
    QCOMPARE(after.state(QStringLiteral("first/plan")), State::Done);
    QCOMPARE(after.state(QStringLiteral("first/welcome")), State::Done);
    QCOMPARE(after.module(QStringLiteral("first")).done, 2);
    QCOMPARE(after.module(QStringLiteral("second")).done, 0);
    QCOMPARE(after.openActivities().size(), 1);
}

void TestReadingProgress::migratesVersionOneDatabaseKeepingAnswers()
{
    // A file as Coursebook wrote it before progress was kept: schema version 1, one answer.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("answers.sqlite"));
    sqlite(path, {QStringLiteral("CREATE TABLE answer_versions (id INTEGER PRIMARY KEY, course_id TEXT NOT NULL, activity_id TEXT NOT NULL,"
                                 " kind TEXT NOT NULL, value TEXT NOT NULL, done INTEGER NOT NULL CHECK (done IN (0, 1)), updated TEXT NOT NULL)"),
                  QStringLiteral("CREATE INDEX answer_versions_by_activity ON answer_versions (course_id, activity_id, updated, id)"),
                  QStringLiteral("INSERT INTO answer_versions (course_id, activity_id, kind, value, done, updated) VALUES ('%1', 'm1/a',"
                                 " 'reflection', '{\"text\":\"written long ago\"}', 1, '2024-05-01T09:30:00.000Z')").arg(kCourse),
                  QStringLiteral("PRAGMA user_version = 1")});

    AnswerStore store;
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QCOMPARE(sqlite(path, {QStringLiteral("PRAGMA user_version")}).toInt(), AnswerStore::kSchemaVersion);
    const std::optional<Answer> kept = store.answer(kCourse, QStringLiteral("m1/a"));
    QVERIFY(kept);
    QCOMPARE(kept->value.value(QStringLiteral("text")).toString(), QStringLiteral("written long ago"));
    QVERIFY(kept->done);
    QCOMPARE(store.history(kCourse, QStringLiteral("m1/a")).size(), 1);
    QVERIFY(store.markPage(kCourse, QStringLiteral("m1/intro"), Mark::Done));
    QCOMPARE(store.progress(kCourse).size(), 1);
}

void TestReadingProgress::answersFileCarriesProgress()
{
    const QVector<Answer> answers{response(kPlanFirst, QStringLiteral("A zine club"), true)};
    const QVector<PageProgress> progress{
        page(QStringLiteral("first/welcome"), true, Mark::Done, kBase, {}, kBase),
        page(QStringLiteral("first/long-read"), true, Mark::None, {}, QStringLiteral("peers-and-mentors"), kBase.addSecs(5)),
        page(QStringLiteral("first/plan"), false, Mark::NotDone, kBase.addSecs(9), {}, {})};
    const QByteArray bytes = AnswerJson::write(QStringLiteral("progress-course"), answers, progress);
    QVERIFY(bytes.contains("\"version\": 3"));
    QVERIFY(bytes.contains("\"progress\": ["));

    QString courseId;
    QVector<Answer> readAnswers;
    QVector<PageProgress> readProgress;
    QString error;
    QVERIFY2(AnswerJson::read(bytes, &courseId, &readAnswers, &error, &readProgress), qPrintable(error));
    QCOMPARE(readAnswers, answers);
    QCOMPARE(readProgress.size(), 3);
    for (const PageProgress &expected : progress)
        QCOMPARE(*find(readProgress, expected.pageId), expected);

    // A broken progress entry refuses the whole file, saying where.
    QByteArray broken = bytes;
    broken.replace("\"mark\": \"done\"", "\"mark\": \"finished\"");
    QVERIFY(!AnswerJson::read(broken, &courseId, &readAnswers, &error, &readProgress));
    QVERIFY2(error.startsWith(QStringLiteral("progress[2].mark is not")), qPrintable(error));
}

void TestReadingProgress::importMergesProgressWithoutLosingAny()
{
    QTemporaryDir dir;
    AnswerStore store;
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    // Here: the long read marked done just now, and read last; the plan never opened.
    QVERIFY(store.saveReadingPosition(kCourse, QStringLiteral("first/long-read"), QStringLiteral("open-doors"), 0.5));
    QVERIFY(store.markPage(kCourse, QStringLiteral("first/long-read"), Mark::Done));

    // From another computer, older: the long read unmarked and read at its top; the plan visited and marked.
    const QVector<PageProgress> incoming{
        page(QStringLiteral("first/long-read"), false, Mark::NotDone, kBase, QStringLiteral("where-to-begin"), kBase),
        page(QStringLiteral("first/plan"), true, Mark::Done, kBase, {}, kBase)};
    const AnswerStore::ImportReport report = store.importAnswers(kCourse, {}, incoming);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.pagesMerged, 1);  // the long read keeps all of its newer progress

    const QVector<PageProgress> all = store.progress(kCourse);
    const PageProgress *longRead = find(all, QStringLiteral("first/long-read"));
    QVERIFY(longRead->visited);
    QCOMPARE(longRead->mark, Mark::Done);
    QCOMPARE(longRead->anchor, QStringLiteral("open-doors"));
    const PageProgress *plan = find(all, QStringLiteral("first/plan"));
    QVERIFY(plan && plan->visited);
    QCOMPARE(plan->mark, Mark::Done);

    // A newer mark from the file wins, and the visit stays.
    PageProgress newer = incoming.first();
    newer.markUpdated = QDateTime::currentDateTimeUtc().addSecs(60);
    QCOMPARE(store.importAnswers(kCourse, {}, {newer}).pagesMerged, 1);
    longRead = find(store.progress(kCourse), QStringLiteral("first/long-read"));
    QCOMPARE(longRead->mark, Mark::NotDone);
    QVERIFY(longRead->visited);
    QCOMPARE(longRead->anchor, QStringLiteral("open-doors"));
}

void TestReadingProgress::versionOneFileStillImports()
{
    const QByteArray versionOne = R"({
    "format": "coursebook-answers",
    "version": 1,
    "course": "connected-learning",
    "answers": [
        {"activity": "m1/a", "kind": "reflection", "updated": "2024-05-01T09:30:00.000Z", "done": true,
         "value": {"text": "from an older Coursebook"}}
    ]
})";
    QString courseId;
    QVector<Answer> answers;
    QVector<PageProgress> progress{PageProgress{}};
    QString error;
    QVERIFY2(AnswerJson::read(versionOne, &courseId, &answers, &error, &progress), qPrintable(error));
    QCOMPARE(courseId, kCourse);
    QCOMPARE(answers.size(), 1);
    QVERIFY(progress.isEmpty());

    QTemporaryDir dir;
    AnswerStore store;
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    QVERIFY(store.markPage(kCourse, QStringLiteral("m1/intro"), Mark::Done));
    const AnswerStore::ImportReport report = store.importAnswers(kCourse, answers, progress);
    QCOMPARE(report.added, 1);
    QCOMPARE(report.pagesMerged, 0);
    QCOMPARE(store.answer(kCourse, QStringLiteral("m1/a"))->value.value(QStringLiteral("text")).toString(),
             QStringLiteral("from an older Coursebook"));
    QCOMPARE(store.progress(kCourse).size(), 1);  // the progress here is untouched
}

QTEST_GUILESS_MAIN(TestReadingProgress)
#include "tst_reading_progress.moc"
