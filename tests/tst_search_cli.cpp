// coursebook --search: the real binary on a small course, with its answers folder in a
// QTemporaryDir, read back as the JSON a script would read.

#include "AnswerFixture.h"
#include "AnswerStore.h"
#include "CommandLineRun.h"
#include "CourseLoader.h"
#include "PageRenderer.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using CommandLineRun::Run;

QJsonArray hits(const Run &run)
{
    const QJsonDocument document = QJsonDocument::fromJson(run.out);
    return document.isArray() ? document.array() : QJsonArray{QStringLiteral("not a JSON array: ") + run.outText()};
}

}  // namespace

class TestSearchCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpListsSearch();
    void printsPagesRankedWithMarkedSnippets();
    void findsTheLearnersAnswers();
    void unwritableDataFolderSearchesACopy();
    void blankOrHostileQueriesPrintNoHits_data();
    void blankOrHostileQueriesPrintNoHits();
    void missingCourseIsAnError();

private:
    Run search(const QString &query) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_course;
    QString m_dataDir;
};

void TestSearchCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_course = m_dir->filePath(QStringLiteral("course"));
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    const QString posts = m_course + QStringLiteral("/modules/garden/_posts/");
    QVERIFY(CommandLineRun::writeFile(m_course + QStringLiteral("/_data/course.yml"), "id: search-cli\ntitle: Search CLI\nmodules:\n  - garden\n"));
    QVERIFY(CommandLineRun::writeFile(posts + QStringLiteral("2024-01-01-watershed.md"),
                                      "---\ntitle: Watershed\n---\n\nRain.\n\n## Soaking the soil\n\nMulch keeps moisture in.\n"));
    QVERIFY(CommandLineRun::writeFile(posts + QStringLiteral("2024-01-02-rivers.md"),
                                      "---\ntitle: Rivers\n---\n\nA river has a watershed; the watershed feeds the river.\n\n"
                                      "<div class=\"reflection\" markdown=\"1\">\n**Reflect**\n\nWhat lives here?\n</div>\n"));
}

Run TestSearchCli::search(const QString &query) const
{
    return CommandLineRun::runApp({QStringLiteral("--course"), m_course, QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--search"), query});
}

void TestSearchCli::helpListsSearch()
{
    const Run run = CommandLineRun::runApp({QStringLiteral("--help")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QVERIFY(run.outText().contains(QStringLiteral("--search <QUERY>")));
}

void TestSearchCli::printsPagesRankedWithMarkedSnippets()
{
    const Run run = search(QStringLiteral("watershed"));
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    const QJsonArray found = hits(run);
    QCOMPARE(found.size(), 3);  // the course home lists the page titled Watershed
    const QJsonObject first = found[0].toObject();
    QCOMPARE(first.value(QStringLiteral("page")).toString(), QStringLiteral("garden/watershed"));  // the title match first
    QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Watershed"));
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("page"));
    QCOMPARE(first.value(QStringLiteral("module")).toString(), QStringLiteral("garden"));
    QStringList snippets;
    for (const QJsonValue &hit : found) {
        if (hit.toObject().value(QStringLiteral("page")).toString() == QLatin1String("garden/rivers"))
            snippets << hit.toObject().value(QStringLiteral("snippet")).toString();
    }
    QCOMPARE(snippets.size(), 1);
    QVERIFY2(snippets[0].contains(QStringLiteral("«watershed»")), qPrintable(run.outText()));
    QVERIFY(!run.outText().contains(QChar(0xE000)));

    const QJsonObject mulch = hits(search(QStringLiteral("mulc"))).at(0).toObject();
    QCOMPARE(mulch.value(QStringLiteral("anchor")).toString(), QStringLiteral("soaking-the-soil"));
    QVERIFY(!mulch.contains(QStringLiteral("activity")));
    // The index is in the learner's answers database, made on the first search.
    QVERIFY(QFileInfo::exists(QDir(m_dataDir).filePath(QStringLiteral("answers.sqlite"))));
}

void TestSearchCli::findsTheLearnersAnswers()
{
    const Course course = CourseLoader::load(m_course);
    const QString activity = PageRenderer(course).render(*course.findPage(QStringLiteral("garden/rivers"))).activities.value(0).id;
    {
        AnswerStore store;
        store.open(m_dataDir);
        QVERIFY(store.save(AnswerFixture::textAnswer(activity, QStringLiteral("Otters and herons"), 0, course.id)));
    }
    const QJsonArray found = hits(search(QStringLiteral("herons")));
    QCOMPARE(found.size(), 1);
    const QJsonObject answer = found[0].toObject();
    QCOMPARE(answer.value(QStringLiteral("kind")).toString(), QStringLiteral("answer"));
    QCOMPARE(answer.value(QStringLiteral("page")).toString(), QStringLiteral("garden/rivers"));
    QCOMPARE(answer.value(QStringLiteral("activity")).toString(), activity);
    QCOMPARE(answer.value(QStringLiteral("snippet")).toString(), QStringLiteral("Otters and «herons»"));
}

void TestSearchCli::unwritableDataFolderSearchesACopy()
{
    RUN_UNPRIVILEGED_WHEN_ROOT();
    const Course course = CourseLoader::load(m_course);
    const QString activity = PageRenderer(course).render(*course.findPage(QStringLiteral("garden/rivers"))).activities.value(0).id;
    {
        AnswerStore store;
        store.open(m_dataDir);
        QVERIFY(store.save(AnswerFixture::textAnswer(activity, QStringLiteral("Otters and herons"), 0, course.id)));
    }
    const QByteArray before = AnswerFixture::storeDigest(m_dataDir);
    QVERIFY(QFile::setPermissions(m_dataDir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const Run run = search(QStringLiteral("herons"));
    QFile::setPermissions(m_dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(QStringLiteral("temporary")), qPrintable(run.errText()));
    QCOMPARE(hits(run).size(), 1);
    QCOMPARE(AnswerFixture::storeDigest(m_dataDir), before);  // the learner's file untouched

    // A data folder that cannot even be made: the pages are still searched.
    QVERIFY(CommandLineRun::writeFile(m_dir->filePath(QStringLiteral("blocker")), "a file, not a folder"));
    const Run blocked = CommandLineRun::runApp({QStringLiteral("--course"), m_course, QStringLiteral("--data-dir"),
                                                m_dir->filePath(QStringLiteral("blocker/data")), QStringLiteral("--search"), QStringLiteral("mulch")});
    QVERIFY2(blocked.ok() && blocked.exitCode == 0, qPrintable(blocked.describe()));
    QCOMPARE(hits(blocked).size(), 1);
}

void TestSearchCli::blankOrHostileQueriesPrintNoHits_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("syntax") << QStringLiteral("NEAR(\"a\" *) OR ^(");
    QTest::newRow("long") << QStringLiteral("(\"").repeated(50000);
}

void TestSearchCli::blankOrHostileQueriesPrintNoHits()
{
    QFETCH(QString, query);
    const Run run = search(query);
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(hits(run), QJsonArray());
    QCOMPARE(run.errText(), QString());
}

void TestSearchCli::missingCourseIsAnError()
{
    const Run run = CommandLineRun::runApp({QStringLiteral("--course"), m_dir->filePath(QStringLiteral("nowhere")), QStringLiteral("--search"),
                                            QStringLiteral("x")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errText().contains(QStringLiteral("no such file or folder")));
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_search_cli.moc"
