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
        QTest::newRow("unknown kind") << QUrl("course://coursebook/etc/passwd") << int(CourseUrl::Kind::Invalid) << "";
        QTest::newRow("as written") << QUrl("course://coursebook/page/m/a") << int(CourseUrl::Kind::Page) << "m/a";
        // Only the app's own host is the app's URL space.
        QTest::newRow("no host") << QUrl("course:/page/m/a") << int(CourseUrl::Kind::Invalid) << "";
        QTest::newRow("another host") << QUrl("course://elsewhere/file/img/x.png") << int(CourseUrl::Kind::Invalid) << "";
        QTest::newRow("a port") << QUrl("course://coursebook:80/file/img/x.png") << int(CourseUrl::Kind::Invalid) << "";
        QTest::newRow("a user") << QUrl("course://me@coursebook/file/img/x.png") << int(CourseUrl::Kind::Invalid) << "";
    }
    void roundTrip()
    {
        QFETCH(QUrl, url);
        QFETCH(int, kind);
        QFETCH(QString, rest);
        QString parsed;
        QCOMPARE(int(CourseUrl::parse(url, &parsed)), kind);
        if (kind != int(CourseUrl::Kind::Invalid))  // the app's URLs read the same as text, as pages hold them
            QCOMPARE(int(CourseUrl::parse(QUrl(url.toString()), nullptr)), kind);
        QCOMPARE(parsed, rest);
    }
};

QTEST_GUILESS_MAIN(TestCourseUrl)
#include "tst_course_url.moc"
