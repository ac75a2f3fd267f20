#include "ActivityDetector.h"
#include "CourseCheck.h"
#include "CourseLoader.h"
#include "ExportDocument.h"
#include "PageRenderer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Every row of course-format.md section 4's activity table, through the real renderer.
class TestActivityDetector : public QObject
{
    Q_OBJECT
private slots:
    void kindAndTitle_data();
    void kindAndTitle();
    void reflectionPrompt();
    void generatedIdsAreStableAndNumbered();
    void cardStandsWhereTheActivityIs();
    void worksheetGrid();
    void tableWithEmptyCellsIsAWorksheet();
    void pipeTableWorksheet();
    void ratingChoices_data();
    void ratingChoices();
    void kwlReplacesTheOnlineWidget();
    void revisitReturnsToAnActivityOfAnotherPage();

private:
    QString writeCourse(const QStringList &bodies);
    RenderedPage render(const QString &body);
    QTemporaryDir m_dir;
    int m_count = 0;
};

// A fresh course per call, so each case is independent: pages m/p1, m/p2, ... in order.
QString TestActivityDetector::writeCourse(const QStringList &bodies)
{
    const QString root = m_dir.path() + QStringLiteral("/c%1").arg(++m_count);
    QDir().mkpath(root + QStringLiteral("/_data"));
    QDir().mkpath(root + QStringLiteral("/modules/m/_posts"));
    QFile yml(root + QStringLiteral("/_data/course.yml"));
    yml.open(QIODevice::WriteOnly);
    yml.write("title: T\nmodules: [m]\n");
    yml.close();
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QFile page(root + QStringLiteral("/modules/m/_posts/2020-01-0%1-p%2.md").arg(i + 1).arg(i + 1));
        page.open(QIODevice::WriteOnly);
        page.write("---\ntitle: P\n---\n" + bodies[i].toUtf8());
    }
    return root;
}

RenderedPage TestActivityDetector::render(const QString &body)
{
    const Course course = CourseLoader::load(writeCourse({body}));
    return PageRenderer(course).render(*course.findPage(QStringLiteral("m/p1")));
}

void TestActivityDetector::revisitReturnsToAnActivityOfAnotherPage()
{
    const QString kwl = QStringLiteral("<div class=\"callout activity\" id=\"kwl-a\" markdown=\"1\">\n## Your KWL\n\nKnow, want to learn, learned.\n</div>\n\n"
                                       "<div class=\"reflection\" id=\"dup\" markdown=\"1\">\n**One**\n\nWrite.\n</div>\n");
    const QString closing = QStringLiteral("<div class=\"callout activity\" data-revisit=\"kwl-a\" data-kind=\"kwl\" markdown=\"1\">\n## Your KWL, again\n\nFill in Learned now.\n</div>\n\n"
                                           "<div class=\"reflection\" id=\"dup\" markdown=\"1\">\n**Two**\n\nWrite again.\n</div>\n\n"
                                           "<div class=\"callout activity\" data-revisit=\"nowhere\" markdown=\"1\">\n## Lost\n\nText.\n</div>\n");
    const Course course = CourseLoader::load(writeCourse({kwl, closing}));
    const RenderedPage second = PageRenderer(course).render(*course.findPage(QStringLiteral("m/p2")));
    QCOMPARE(second.activities.size(), 3);
    const ActivitySpec &revisit = second.activities.first();
    QVERIFY(revisit.revisit);
    QCOMPARE(revisit.id, QStringLiteral("kwl-a"));  // the same answer as the first page's KWL
    QCOMPARE(revisit.kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(revisit.title, QStringLiteral("Your KWL, again"));
    QVERIFY(second.bodyHtml.contains(QStringLiteral("href=\"course://coursebook/activity/kwl-a\"")));  // its card opens it here
    QVERIFY(!second.activities[1].revisit);

    // --check: an id used twice would merge two answers; a revisit must name a real activity.
    const Diagnostics problems = CourseCheck::run(course);
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems[0].message.contains(QStringLiteral("\"dup\" is also used in modules/m/_posts/2020-01-01-p1.md")));
    QCOMPARE(problems[0].file, QStringLiteral("modules/m/_posts/2020-01-02-p2.md"));
    QCOMPARE(problems[0].line, 10);
    QVERIFY(problems[1].message.contains(QStringLiteral("\"nowhere\"")));
    QCOMPARE(problems[1].line, 16);

    // Exports hold the KWL once, where it first appears, unless only the revisit is in scope.
    ExportDocument doc;
    QString error;
    QVERIFY(ExportDocument::build(course, nullptr, ExportScope(), true, QString(), &doc, &error));
    QStringList ids;
    for (const ExportItem &item : doc.items)
        ids << item.spec.id + QLatin1Char('@') + item.pageId;
    QCOMPARE(ids, QStringList({"kwl-a@m/p1", "dup@m/p1", "dup@m/p2", "nowhere@m/p2"}));
    QVERIFY(ExportDocument::build(course, nullptr, ExportScope{ExportScope::Kind::Page, QStringLiteral("m/p2")}, true, QString(), &doc, &error));
    QCOMPARE(doc.items.first().spec.id, QStringLiteral("kwl-a"));
    QCOMPARE(doc.items.first().spec.title, QStringLiteral("Your KWL, again"));
}

void TestActivityDetector::kindAndTitle_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("title");
    QTest::newRow("callout activity, heading") << "<div class=\"callout activity\" markdown=\"1\">\n## Plan a visit\n\nWrite what you would do.\n</div>\n"
                                               << "response" << "Plan a visit";
    QTest::newRow("activity callout, other order") << "<div class=\"activity callout\" markdown=\"1\">\n### Try it\n\nDo this.\n</div>\n"
                                                   << "response" << "Try it";
    QTest::newRow("first bold line") << "<div class=\"callout activity\" markdown=\"1\">\n**Think about teens**\n\nWho comes in?\n</div>\n"
                                     << "response" << "Think about teens";
    QTest::newRow("reflection") << "<div class=\"reflection\" markdown=\"1\">\n**Looking back**\n\nWhat surprised you?\n</div>\n"
                                << "reflection" << "Looking back";
    QTest::newRow("KWL in title") << "<div class=\"callout activity\" markdown=\"1\">\n## Connected Learning KWL\n\nFill it in.\n</div>\n"
                                  << "kwl" << "Connected Learning KWL";
    QTest::newRow("K-W-L in text") << "<div class=\"callout activity\" markdown=\"1\">\n## Before you start\n\nUse a K-W-L chart.\n</div>\n"
                                   << "kwl" << "Before you start";
    QTest::newRow("know want learned in text")
        << "<div class=\"callout activity\" markdown=\"1\">\n## Start\n\nList what you Know, what you Want to learn, and later what you Learned.\n</div>\n"
        << "kwl" << "Start";
    QTest::newRow("worksheet table") << "<div class=\"callout activity\" markdown=\"1\">\n## Partners\n\n<table class=\"worksheet\"><tr><th>Who</th><th>Why</th></tr><tr><td>School</td><td></td></tr></table>\n</div>\n"
                                     << "worksheet" << "Partners";
    QTest::newRow("explicit kind wins") << "<div class=\"activity\" data-kind=\"reflection\" markdown=\"1\">\n## Reflect\n\nA KWL mention.\n</div>\n"
                                        << "reflection" << "Reflect";
}

void TestActivityDetector::kindAndTitle()
{
    QFETCH(QString, body);
    QFETCH(QString, kind);
    QFETCH(QString, title);
    const RenderedPage page = render(body);
    QCOMPARE(page.activities.size(), 1);
    QCOMPARE(ActivitySpec::kindName(page.activities.first().kind), kind);
    QCOMPARE(page.activities.first().title, title);
    QCOMPARE(page.activities.first().pageId, QStringLiteral("m/p1"));
    QCOMPARE(page.activities.first().moduleId, QStringLiteral("m"));
}

void TestActivityDetector::reflectionPrompt()
{
    const RenderedPage page = render(QStringLiteral("<div class=\"reflection\" id=\"r1\" markdown=\"1\">\n**Looking back**\n\n"
                                                    "What *surprised* you? See [the guide](https://example.org/g).\n\n* one\n* two\n\n"
                                                    "<div class=\"facilitator-notes\" markdown=\"1\">Only for presenters.</div>\n</div>\n"));
    const ActivitySpec &spec = page.activities.first();
    QCOMPARE(spec.id, QStringLiteral("r1"));
    QVERIFY(!spec.promptText.contains(QStringLiteral("Looking back")));
    QVERIFY(spec.promptText.contains(QStringLiteral("What surprised you?")));
    QVERIFY(spec.promptHtml.contains(QStringLiteral("<em>surprised</em>")));
    QVERIFY(spec.promptHtml.contains(QStringLiteral("href=\"https://example.org/g\"")));
    QVERIFY(spec.promptHtml.contains(QStringLiteral("<li>two</li>")));
    QVERIFY(!spec.promptText.contains(QStringLiteral("Only for presenters")));
}

void TestActivityDetector::generatedIdsAreStableAndNumbered()
{
    const QString block = QStringLiteral("<div class=\"callout activity\" markdown=\"1\">\n## Your Plan!\n\nWrite.\n</div>\n\n");
    const RenderedPage page = render(block + block + QStringLiteral("<div class=\"reflection\" id=\"kept\">\n<p>T</p>\n</div>\n"));
    QCOMPARE(page.activities.size(), 3);
    QCOMPARE(page.activities[0].id, QStringLiteral("m/p1#your-plan"));
    QCOMPARE(page.activities[1].id, QStringLiteral("m/p1#your-plan-2"));
    QCOMPARE(page.activities[2].id, QStringLiteral("kept"));
    // The same source gives the same ids every time: answers stay attached.
    QCOMPARE(render(block).activities.first().id, QStringLiteral("m/p1#your-plan"));
}

void TestActivityDetector::cardStandsWhereTheActivityIs()
{
    const RenderedPage page = render(QStringLiteral("Before.\n\n<div class=\"callout activity\" id=\"a1\" markdown=\"1\">\n## Do it\n\nText.\n</div>\n\nAfter.\n"));
    const qsizetype card = page.bodyHtml.indexOf(QStringLiteral("class=\"activity-card\""));
    QVERIFY(card > page.bodyHtml.indexOf(QStringLiteral("Text.")));
    QVERIFY(card < page.bodyHtml.indexOf(QStringLiteral("After.")));
    QVERIFY(page.bodyHtml.contains(QStringLiteral("data-activity-id=\"a1\"")));
    QVERIFY(page.bodyHtml.contains(QStringLiteral("href=\"course://coursebook/activity/a1\"")));
    QVERIFY(page.bodyHtml.contains(QStringLiteral("href=\"course://coursebook/activity/a1?export\"")));
    QVERIFY(page.bodyHtml.contains(QStringLiteral("Not started")));
}

void TestActivityDetector::worksheetGrid()
{
    const RenderedPage page = render(QStringLiteral(
        "<div class=\"callout activity\" id=\"self\" markdown=\"1\">\n## Self-assessment\n\nRate yourself.\n\n"
        "<table class=\"worksheet\">\n<tr><th>Skill</th><th>Rating</th><th>Notes</th></tr>\n"
        "<tr><td>Listening to teens</td><td>1 / 2 / 3 / 4 / 5</td><td></td></tr>\n"
        "<tr><td>Trying new things</td><td>😀 😐 🙁</td><td></td></tr>\n"
        "<tr><td>Total</td><td></td><td></td></tr>\n</table>\n</div>\n"));
    const ActivitySpec &spec = page.activities.first();
    QCOMPARE(spec.kind, ActivitySpec::Kind::Worksheet);
    QCOMPARE(spec.columns, QStringList({QStringLiteral("Skill"), QStringLiteral("Rating"), QStringLiteral("Notes")}));
    QCOMPARE(spec.rows.size(), 3);
    QCOMPARE(spec.rows[0][0].type, WorksheetCell::Type::Fixed);
    QCOMPARE(spec.rows[0][0].text, QStringLiteral("Listening to teens"));
    QCOMPARE(spec.rows[0][1].type, WorksheetCell::Type::Rating);
    QCOMPARE(spec.rows[0][1].choices, QStringList({"1", "2", "3", "4", "5"}));
    QCOMPARE(spec.rows[1][1].choices, QStringList({QStringLiteral("😀"), QStringLiteral("😐"), QStringLiteral("🙁")}));
    QCOMPARE(spec.rows[0][2].type, WorksheetCell::Type::Editable);
    QCOMPARE(spec.rows[2][0].type, WorksheetCell::Type::Fixed);
    QCOMPARE(spec.rows[2][1].type, WorksheetCell::Type::Total);
    QCOMPARE(spec.rows[2][2].type, WorksheetCell::Type::Total);
    QVERIFY(!spec.canAddRows);
    QVERIFY(spec.promptText.contains(QStringLiteral("Rate yourself.")));
    QVERIFY(!spec.promptText.contains(QStringLiteral("Listening to teens")));  // the grid is the editor's, not the prompt's
}

void TestActivityDetector::tableWithEmptyCellsIsAWorksheet()
{
    const RenderedPage page = render(QStringLiteral(
        "<div class=\"callout activity\" markdown=\"1\">\n## Action plan\n\n"
        "<table><thead><tr><th>Step</th><th>Who</th><th>When</th></tr></thead><tbody>"
        "<tr><td>Ask teens</td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr></tbody></table>\n</div>\n"));
    const ActivitySpec &spec = page.activities.first();
    QCOMPARE(spec.kind, ActivitySpec::Kind::Worksheet);
    QCOMPARE(spec.columns.size(), 3);
    QCOMPARE(spec.rows.size(), 2);
    QVERIFY(spec.canAddRows);  // the last row is all empty
    QCOMPARE(spec.rows[1][0].type, WorksheetCell::Type::Editable);
}

// A kramdown pipe table with empty body cells is a worksheet like an HTML one.
void TestActivityDetector::pipeTableWorksheet()
{
    const RenderedPage page = render(QStringLiteral(
        "<div class=\"callout activity\" id=\"partners\" markdown=\"1\">\n## Partners\n\nWho could help?\n\n"
        "| Partner | Why |\n|---|---|\n| School | |\n| | |\n</div>\n"));
    QCOMPARE(page.activities.size(), 1);
    const ActivitySpec &spec = page.activities.first();
    QCOMPARE(spec.kind, ActivitySpec::Kind::Worksheet);
    QCOMPARE(spec.columns, QStringList({QStringLiteral("Partner"), QStringLiteral("Why")}));
    QCOMPARE(spec.rows.size(), 2);
    QCOMPARE(spec.rows[0][0].type, WorksheetCell::Type::Fixed);
    QCOMPARE(spec.rows[0][1].type, WorksheetCell::Type::Editable);
    QVERIFY(spec.canAddRows);
}

void TestActivityDetector::ratingChoices_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QStringList>("choices");
    QTest::newRow("emoji") << "😀 😐 🙁" << QStringList({"😀", "😐", "🙁"});
    QTest::newRow("words with slashes") << "yes / no / maybe" << QStringList({"yes", "no", "maybe"});
    QTest::newRow("numbers") << "1 2 3 4" << QStringList({"1", "2", "3", "4"});
    QTest::newRow("a prompt of words") << "Plan a program" << QStringList();
    QTest::newRow("one word") << "Listening" << QStringList();
    QTest::newRow("too many") << "1 2 3 4 5 6" << QStringList();
    QTest::newRow("a date-like slash in a sentence") << "Write who will help us / and why they would want to join in" << QStringList();
}

void TestActivityDetector::ratingChoices()
{
    QFETCH(QString, cell);
    QFETCH(QStringList, choices);
    QCOMPARE(ActivityDetector::ratingChoices(cell), choices);
}

void TestActivityDetector::kwlReplacesTheOnlineWidget()
{
    const RenderedPage page = render(QStringLiteral(
        "<div class=\"callout activity\" markdown=\"1\">\n## Connected Learning KWL\n\nFill in the chart.\n\n"
        "<iframe src=\"https://example.edu/wp-admin/admin-ajax.php?action=h5p_embed&id=2\" title=\"K-W-L\"></iframe>\n</div>\n"));
    QCOMPARE(page.activities.first().kind, ActivitySpec::Kind::Kwl);
    QVERIFY(!page.bodyHtml.contains(QStringLiteral("interactive-card")));
    QVERIFY(page.bodyHtml.contains(QStringLiteral("activity-card")));
}

QTEST_GUILESS_MAIN(TestActivityDetector)
#include "tst_activity_detector.moc"
