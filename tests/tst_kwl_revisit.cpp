#include "AnswerStore.h"
#include "CommandLineRun.h"
#include "CourseCheck.h"
#include "CourseLoader.h"
#include "ExportDocument.h"
#include "KwlRevisitInference.h"
#include "PageRenderer.h"
#include "WorksheetGridHtml.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// Course-format.md section 4: reflections holding worksheet tables (the older ConnectedLib
// layout's KWL charts and worksheets), and the block at a module's end that sends the learner
// back to its KWL, in both layouts (tests/data/kwl-module-layout, tests/data/kwl-cib).
class TestKwlRevisit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reflectionWithAKwlTableIsAKwl();
    void reflectionWithAWorksheetTableIsAWorksheet();
    void olderLayoutReturnsToTheModulesKwl();
    void courseInABoxReturnsToWorksheetOne();
    void twoEarlierKwlsInferNothing();
    void wording_data();
    void wording();
    void theRevisitSharesOneAnswer();
    void checkSaysWhatItInferred_data();
    void checkSaysWhatItInferred();
    void listShowsTheRevisits();

private:
    static QString data(const QString &relative) { return QStringLiteral(TESTDATA_DIR "/") + relative; }
    QVector<ActivitySpec> activities(const Course &course, const QString &pageId);

    Course m_older;
    Course m_cib;
};

void TestKwlRevisit::initTestCase()
{
    m_older = CourseLoader::load(data(QStringLiteral("kwl-module-layout")));
    m_cib = CourseLoader::load(data(QStringLiteral("kwl-cib")));
    QVERIFY(m_older.findPage(QStringLiteral("habits/section-2")));
    QVERIFY(m_cib.findPage(QStringLiteral("growing/wrap-up")));
}

QVector<ActivitySpec> TestKwlRevisit::activities(const Course &course, const QString &pageId)
{
    const CoursePage *page = course.findPage(pageId);
    return page ? PageRenderer(course).render(*page).activities : QVector<ActivitySpec>();
}

void TestKwlRevisit::reflectionWithAKwlTableIsAKwl()
{
    const QVector<ActivitySpec> found = activities(m_older, QStringLiteral("habits/index"));
    QCOMPARE(found.size(), 1);
    const ActivitySpec &kwl = found.first();
    QCOMPARE(kwl.kind, ActivitySpec::Kind::Kwl);  // its headers ask what you know, want to learn, learned
    QCOMPARE(kwl.title, QStringLiteral("Healthy Habits KWL"));
    QVERIFY2(kwl.promptText.startsWith(QStringLiteral("Before you begin, note what you already know")), qPrintable(kwl.promptText));
    QVERIFY2(!kwl.promptHtml.contains(QStringLiteral("<table")), qPrintable(kwl.promptHtml));  // the editor is the grid
    QCOMPARE(kwl.id, QStringLiteral("habits/index#healthy-habits-kwl"));
    QVERIFY(!kwl.revisit);

    // The learner's chart has the three KWL columns, wherever it is drawn.
    const QString grid = WorksheetGridHtml::kwlTable({}, 1);
    QVERIFY2(grid.contains(QStringLiteral("<th>Know</th><th>Want to learn</th><th>Learned</th>")), qPrintable(grid));

    // Headers that say Know / Want to learn / Learned make a KWL too.
    const QVector<ActivitySpec> study = activities(m_older, QStringLiteral("study/index"));
    QCOMPARE(study.size(), 1);
    QCOMPARE(study.first().kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(study.first().title, QStringLiteral("Study Skills KWL"));
}

void TestKwlRevisit::reflectionWithAWorksheetTableIsAWorksheet()
{
    const QVector<ActivitySpec> found = activities(m_older, QStringLiteral("habits/section-1"));
    QCOMPARE(found.size(), 1);
    const ActivitySpec &sheet = found.first();
    QCOMPARE(sheet.kind, ActivitySpec::Kind::Worksheet);
    QCOMPARE(sheet.title, QStringLiteral("A week of sleep"));
    QCOMPARE(sheet.promptText, QStringLiteral("For three nights, write down when you went to bed, when you got up, and how rested you felt the next morning."));
    QCOMPARE(sheet.id, QStringLiteral("habits/section-1#a-week-of-sleep"));
    QCOMPARE(sheet.columns, QStringList({"Night", "Bedtime", "Wake-up time", "How rested did you feel?"}));
    QCOMPARE(sheet.rows.size(), 3);
    QCOMPARE(sheet.rows.first().first().text, QStringLiteral("First"));
    QCOMPARE(sheet.rows.first().first().type, WorksheetCell::Type::Fixed);
    QCOMPARE(sheet.rows.first()[1].type, WorksheetCell::Type::Editable);
}

void TestKwlRevisit::olderLayoutReturnsToTheModulesKwl()
{
    const CoursePage *page = m_older.findPage(QStringLiteral("habits/section-2"));
    const RenderedPage rendered = PageRenderer(m_older).render(*page);
    QCOMPARE(rendered.activities.size(), 1);
    const ActivitySpec &back = rendered.activities.first();
    QVERIFY(back.revisit);
    QCOMPARE(back.id, QStringLiteral("habits/index#healthy-habits-kwl"));
    QCOMPARE(back.kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(back.title, QStringLiteral("Looking back at your KWL"));
    QCOMPARE(back.promptText, QStringLiteral("Go back to your KWL chart from the start of this module and fill in what you learned."));
    // The card in the page opens the opening KWL's editor, here.
    QVERIFY2(rendered.bodyHtml.contains(QStringLiteral("data-activity-id=\"habits/index#healthy-habits-kwl\"")), qPrintable(rendered.bodyHtml));
    QVERIFY(rendered.bodyHtml.contains(QStringLiteral("data-kind=\"kwl\"")));
}

void TestKwlRevisit::courseInABoxReturnsToWorksheetOne()
{
    // The opening KWL says the learner will come back to it: that makes it no return.
    const QVector<ActivitySpec> opening = activities(m_cib, QStringLiteral("growing/getting-started"));
    QCOMPARE(opening.size(), 1);
    QCOMPARE(opening.first().kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(opening.first().title, QStringLiteral("Worksheet #1: KWL"));
    QCOMPARE(opening.first().id, QStringLiteral("growing/getting-started#worksheet-1-kwl"));
    QVERIFY(!opening.first().revisit);

    const QVector<ActivitySpec> plot = activities(m_cib, QStringLiteral("growing/soil"));
    QCOMPARE(plot.size(), 1);
    QCOMPARE(plot.first().kind, ActivitySpec::Kind::Worksheet);
    QVERIFY(!plot.first().revisit);

    const QVector<ActivitySpec> closing = activities(m_cib, QStringLiteral("growing/wrap-up"));
    QCOMPARE(closing.size(), 1);
    QVERIFY(closing.first().revisit);
    QCOMPARE(closing.first().id, QStringLiteral("growing/getting-started#worksheet-1-kwl"));
    QCOMPARE(closing.first().kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(closing.first().title, QStringLiteral("Return to Worksheet #1: KWL"));
    QVERIFY(closing.first().promptText.startsWith(QStringLiteral("Open the chart you began on the first page")));
}

void TestKwlRevisit::twoEarlierKwlsInferNothing()
{
    // The second KWL is one by its headers alone.
    const QVector<ActivitySpec> second = activities(m_older, QStringLiteral("study/section-1"));
    QCOMPARE(second.size(), 1);
    QCOMPARE(second.first().kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(second.first().title, QStringLiteral("Your notes so far"));
    const QVector<ActivitySpec> closing = activities(m_older, QStringLiteral("study/section-2"));
    QCOMPARE(closing.size(), 1);
    QVERIFY(!closing.first().revisit);  // which of the two? Neither: a reflection of its own
    QCOMPARE(closing.first().kind, ActivitySpec::Kind::Reflection);
    QCOMPARE(closing.first().id, QStringLiteral("study/section-2#looking-back-at-your-kwl"));
}

void TestKwlRevisit::wording_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("returns");
    QTest::newRow("older layout") << "Go back to your KWL chart from the start of this module and fill in what you learned." << true;
    QTest::newRow("newer layout") << "Return to Worksheet #1: KWL. Complete its Learned column." << true;
    QTest::newRow("revisit, K-W-L, learnt") << "Revisit the K-W-L from the first page: what have you learnt?" << true;
    QTest::newRow("no way back") << "Fill in your KWL chart with what you learned." << false;
    QTest::newRow("no chart") << "Go back to the first page and write what you learned." << false;
    QTest::newRow("nothing learned") << "Go back to your KWL chart and read it again." << false;
    QTest::newRow("words inside others") << "Feedback on the flowchart: what have you learned?" << false;
}

void TestKwlRevisit::wording()
{
    QFETCH(QString, text);
    QFETCH(bool, returns);
    QCOMPARE(KwlRevisitInference::asksToReturn(text), returns);
}

void TestKwlRevisit::theRevisitSharesOneAnswer()
{
    QTemporaryDir dir;
    AnswerStore store;
    QCOMPARE(store.open(dir.path()).status, AnswerStore::OpenReport::Status::Ok);
    const ActivitySpec back = activities(m_older, QStringLiteral("habits/section-2")).first();
    const ActivitySpec opening = activities(m_older, QStringLiteral("habits/index")).first();

    // The Learned column, filled in where the last page sends the learner.
    const QJsonObject value{{QStringLiteral("experience"), QStringLiteral("I walk to work.")},
                            {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), QStringLiteral("Water helps")},
                                                                            {QStringLiteral("want"), QStringLiteral("How much sleep?")},
                                                                            {QStringLiteral("learned"), QStringLiteral("Seven to nine hours")}}}}};
    QVERIFY(store.save(Answer{m_older.id, back.id, ActivitySpec::kindName(back.kind), value, false, QDateTime::currentDateTimeUtc()}));
    const std::optional<Answer> atTheStart = store.answer(m_older.id, opening.id);
    QVERIFY(atTheStart);
    QCOMPARE(atTheStart->value, value);
    QCOMPARE(store.answers(m_older.id).size(), 1);

    // The whole workbook holds the chart once, where it began, with the Learned column in it.
    ExportDocument doc;
    QString error;
    QVERIFY2(ExportDocument::build(m_older, &store, ExportScope(), false, QString(), &doc, &error), qPrintable(error));
    QStringList ids;
    for (const ExportItem &item : doc.items)
        ids << item.spec.id + QLatin1Char('@') + item.pageId;
    QCOMPARE(ids, QStringList({"habits/index#healthy-habits-kwl@habits/index", "habits/section-1#a-week-of-sleep@habits/section-1",
                               "study/index#study-skills-kwl@study/index", "study/section-1#your-notes-so-far@study/section-1",
                               "study/section-2#looking-back-at-your-kwl@study/section-2"}));
    QCOMPARE(doc.items.first().answer->value, value);
    // The last page's own export holds the same chart and answer.
    QVERIFY(ExportDocument::build(m_older, &store, ExportScope{ExportScope::Kind::Page, QStringLiteral("habits/section-2")}, false,
                                  QString(), &doc, &error));
    QCOMPARE(doc.items.size(), 1);
    QCOMPARE(doc.items.first().spec.kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(doc.items.first().answer->value, value);
    const QString printed = WorksheetGridHtml::kwlTable(doc.items.first().answer->value, 1);
    QVERIFY2(printed.contains(QStringLiteral("<td><p>Seven to nine hours</p>\n</td>")), qPrintable(printed));
}

void TestKwlRevisit::checkSaysWhatItInferred_data()
{
    QTest::addColumn<QString>("course");
    QTest::addColumn<QString>("note");
    QTest::newRow("older layout") << "kwl-module-layout"
                                  << "modules/habits/section-2.md:12: note: returns to the KWL \"Healthy Habits KWL\" (modules/habits/index.md)";
    QTest::newRow("Course-in-a-Box")
        << "kwl-cib"
        << "modules/growing/_posts/2021-03-03-wrap-up.md:7: note: returns to the KWL \"Worksheet #1: KWL\" (modules/growing/_posts/2021-03-01-getting-started.md)";
}

void TestKwlRevisit::checkSaysWhatItInferred()
{
    QFETCH(QString, course);
    QFETCH(QString, note);
    const CommandLineRun::Run check = CommandLineRun::runApp({QStringLiteral("--course"), data(course), QStringLiteral("--check")});
    QVERIFY2(check.ok(), qPrintable(check.describe()));
    QCOMPARE(check.exitCode, 0);
    // One note, and no warning: the negative case (two KWLs) is left as it is, silently.
    QCOMPARE(check.outLines(), QStringList{note});

    // What the app's Problems panel is given (it leaves notes out).
    const Diagnostics all = CourseCheck::run(CourseLoader::load(data(course)));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().severity, Diagnostic::Severity::Note);
}

void TestKwlRevisit::listShowsTheRevisits()
{
    const QJsonObject outline = CommandLineRun::listCourse(data(QStringLiteral("kwl-module-layout")));
    QStringList seen;
    for (const QJsonValue &module : outline.value(QStringLiteral("modules")).toArray()) {
        for (const QJsonValue &page : module.toObject().value(QStringLiteral("pages")).toArray()) {
            for (const QJsonValue &activity : page.toObject().value(QStringLiteral("activities")).toArray()) {
                const QJsonObject a = activity.toObject();
                seen << QStringLiteral("%1 %2 %3%4").arg(page.toObject().value(QStringLiteral("id")).toString(),
                                                        a.value(QStringLiteral("kind")).toString(), a.value(QStringLiteral("id")).toString(),
                                                        a.value(QStringLiteral("revisit")).toBool() ? QStringLiteral(" (revisit)") : QString());
            }
        }
    }
    QCOMPARE(seen, QStringList({"habits/index kwl habits/index#healthy-habits-kwl",
                                "habits/section-1 worksheet habits/section-1#a-week-of-sleep",
                                "habits/section-2 kwl habits/index#healthy-habits-kwl (revisit)",
                                "study/index kwl study/index#study-skills-kwl",
                                "study/section-1 kwl study/section-1#your-notes-so-far",
                                "study/section-2 reflection study/section-2#looking-back-at-your-kwl"}));

    const QJsonObject cib = CommandLineRun::listCourse(data(QStringLiteral("kwl-cib")));
    QJsonArray pages;
    for (const QJsonValue &module : cib.value(QStringLiteral("modules")).toArray()) {
        if (module.toObject().value(QStringLiteral("id")).toString() == QLatin1String("growing"))
            pages = module.toObject().value(QStringLiteral("pages")).toArray();
    }
    QCOMPARE(pages.size(), 3);
    const QJsonObject closing = pages.last().toObject().value(QStringLiteral("activities")).toArray().first().toObject();
    QCOMPARE(closing.value(QStringLiteral("id")).toString(), QStringLiteral("growing/getting-started#worksheet-1-kwl"));
    QCOMPARE(closing.value(QStringLiteral("kind")).toString(), QStringLiteral("kwl"));
    QCOMPARE(closing.value(QStringLiteral("title")).toString(), QStringLiteral("Return to Worksheet #1: KWL"));
    QVERIFY(closing.value(QStringLiteral("revisit")).toBool());
}

QTEST_GUILESS_MAIN(TestKwlRevisit)
#include "tst_kwl_revisit.moc"
