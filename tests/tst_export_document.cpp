#include "AnswerStore.h"
#include "CourseLoader.h"
#include "ExportDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// The one model both worksheet exporters write from.
class TestExportDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
        QCOMPARE(m_store.open(m_dir.path()).status, AnswerStore::OpenReport::Status::Ok);
        QVERIFY(m_store.save(answer(QStringLiteral("reflect-mistake"), QStringLiteral("reflection"),
                                    QJsonObject{{QStringLiteral("text"), QStringLiteral("Fridays at 4 are empty — café hours")}})));
        QVERIFY(m_store.save(answer(QStringLiteral("gone-activity"), QStringLiteral("response"),
                                    QJsonObject{{QStringLiteral("text"), QStringLiteral("kept anyway")}})));
    }

    void parsesScopes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("course") << "course" << true << "course";
        QTest::newRow("module") << "module:getting-started" << true << "module:getting-started";
        QTest::newRow("page") << "page:getting-started/welcome" << true << "page:getting-started/welcome";
        QTest::newRow("activity") << "activity:kwl-course" << true << "activity:kwl-course";
        QTest::newRow("orphans") << "orphans" << true << "orphans";
        QTest::newRow("missing id") << "module:" << false << "";
        QTest::newRow("unknown") << "chapter:1" << false << "";
    }
    void parsesScopes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, normalised);
        ExportScope scope;
        QString error;
        QCOMPARE(ExportScope::parse(text, &scope, &error), ok);
        if (ok)
            QCOMPARE(scope.toString(), normalised);
        else
            QVERIFY(!error.isEmpty());
    }

    void scopesSelectActivitiesInCourseOrder_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QStringList>("ids");
        QFile stable(QStringLiteral(TESTDATA_DIR "/bundled-activity-ids.txt"));  // every activity, in course order
        QVERIFY(stable.open(QIODevice::ReadOnly));
        QTest::newRow("course") << "course" << QString::fromUtf8(stable.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QTest::newRow("module") << "module:getting-started" << QStringList{"kwl-course", "reflect-expert", "reflect-mistake", "reflect-colearning"};
        QTest::newRow("page") << "page:getting-started/iteration-and-mistakes" << QStringList{"reflect-mistake"};
        QTest::newRow("activity") << "activity:kwl-course" << QStringList{"kwl-course"};
        // The last page revisits the KWL; alone, the page's export holds it.
        QTest::newRow("page with a revisit") << "page:planning-your-program/looking-back" << QStringList{"kwl-course", "reflect-looking-ahead"};
        QTest::newRow("orphans") << "orphans" << QStringList{"gone-activity"};
    }
    void scopesSelectActivitiesInCourseOrder()
    {
        QFETCH(QString, scope);
        QFETCH(QStringList, ids);
        ExportScope parsed;
        QString error;
        QVERIFY(ExportScope::parse(scope, &parsed, &error));
        ExportDocument doc;
        QVERIFY2(ExportDocument::build(m_course, &m_store, parsed, false, QStringLiteral("Ana"), &doc, &error), qPrintable(error));
        QStringList found;
        for (const ExportItem &item : doc.items)
            found << item.spec.id;
        QCOMPARE(found, ids);
        QCOMPARE(doc.learner, QStringLiteral("Ana"));
        QCOMPARE(doc.courseTitle, m_course.title);
    }

    void filledHasAnswersAndBlankHasNone()
    {
        ExportDocument filled, blank;
        QString error;
        const ExportScope page{ExportScope::Kind::Page, QStringLiteral("getting-started/iteration-and-mistakes")};
        QVERIFY(ExportDocument::build(m_course, &m_store, page, false, QString(), &filled, &error));
        QVERIFY(ExportDocument::build(m_course, &m_store, page, true, QString(), &blank, &error));
        QVERIFY(filled.items.first().answer.has_value());
        QCOMPARE(filled.items.first().answer->value.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Fridays at 4 are empty — café hours"));
        QVERIFY(!blank.items.first().answer.has_value());
        QVERIFY(blank.blank);
        QVERIFY(!blank.items.first().spec.promptText.isEmpty());  // prompts stay in a blank handout
        QCOMPARE(filled.items.first().pageTitle, QStringLiteral("Iteration and Mistakes in Practice"));
        QCOMPARE(filled.scopeTitle, QStringLiteral("Iteration and Mistakes in Practice"));
    }

    void unknownIdsAreErrors()
    {
        ExportDocument doc;
        QString error;
        QVERIFY(!ExportDocument::build(m_course, &m_store, {ExportScope::Kind::Page, QStringLiteral("nope/none")}, false, QString(), &doc, &error));
        QVERIFY(error.contains(QStringLiteral("nope/none")));
        QVERIFY(!ExportDocument::build(m_course, &m_store, {ExportScope::Kind::Activity, QStringLiteral("x")}, false, QString(), &doc, &error));
    }

    void activitiesOnTheCourseHomeComeFirst()
    {
        // A home that asks something: its activity opens the whole workbook, under the home's title.
        QTemporaryDir dir;
        const auto write = [&](const QString &path, const QByteArray &text) {
            QDir().mkpath(QFileInfo(dir.filePath(path)).absolutePath());
            QFile file(dir.filePath(path));
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
        };
        QVERIFY(write(QStringLiteral("index.md"), "---\ntitle: Start Here\n---\n<div class=\"reflection\" id=\"why-here\" markdown=\"1\">\n"
                                                   "**Why are you here?**\n\nA line or two.\n</div>\n"));
        QVERIFY(write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"), "---\ntitle: A\n---\n<div class=\"reflection\" id=\"in-a\" markdown=\"1\">\n"
                                                                           "**Later**\n\nAnd now?\n</div>\n"));
        const Course course = CourseLoader::load(dir.path());
        ExportDocument doc;
        QString error;
        QVERIFY(ExportDocument::build(course, nullptr, {ExportScope::Kind::Course, QString()}, true, QString(), &doc, &error));
        QCOMPARE(doc.items.size(), 2);
        QCOMPARE(doc.items.at(0).spec.id, QStringLiteral("why-here"));
        QCOMPARE(doc.items.at(0).moduleTitle, QStringLiteral("Start Here"));
        QCOMPARE(doc.items.at(0).pageId, Course::kHomePageId);
        QCOMPARE(doc.items.at(1).spec.id, QStringLiteral("in-a"));
        // A module's export leaves the home out.
        QVERIFY(ExportDocument::build(course, nullptr, {ExportScope::Kind::Module, QStringLiteral("m")}, true, QString(), &doc, &error));
        QCOMPARE(doc.items.size(), 1);
    }

private:
    Answer answer(const QString &id, const QString &kind, const QJsonObject &value) const
    {
        return Answer{m_course.id, id, kind, value, false, QDateTime::currentDateTimeUtc()};
    }

    QTemporaryDir m_dir;
    Course m_course;
    AnswerStore m_store;
};

QTEST_GUILESS_MAIN(TestExportDocument)
#include "tst_export_document.moc"
