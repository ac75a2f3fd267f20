#include "CourseUrl.h"

#include <QTest>

class TestCourseUrl : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("rest");
        QTest::newRow("page") << CourseUrl::page("basics/intro") << int(CourseUrl::Kind::Page) << "basics/intro";
        QTest::newRow("file") << CourseUrl::file("img/a b.png") << int(CourseUrl::Kind::File) << "img/a b.png";
        QTest::newRow("app") << CourseUrl::app("style.css") << int(CourseUrl::Kind::App) << "style.css";
        QTest::newRow("activity") << CourseUrl::activity("kwl-intro") << int(CourseUrl::Kind::Activity) << "kwl-intro";
        QTest::newRow("slides") << CourseUrl::slides("basics") << int(CourseUrl::Kind::Slides) << "basics";
        QTest::newRow("other scheme") << QUrl("https://example.org/page/x") << int(CourseUrl::Kind::Invalid) << "";
        QTest::newRow("unknown kind") << QUrl("course:/etc/passwd") << int(CourseUrl::Kind::Invalid) << "";
    }
    void roundTrip()
    {
        QFETCH(QUrl, url);
        QFETCH(int, kind);
        QFETCH(QString, rest);
        QString parsed;
        QCOMPARE(int(CourseUrl::parse(url, &parsed)), kind);
        QCOMPARE(parsed, rest);
    }
};

QTEST_GUILESS_MAIN(TestCourseUrl)
#include "tst_course_url.moc"
