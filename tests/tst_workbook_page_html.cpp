#include "Course.h"
#include "CourseLoader.h"
#include "PageRenderer.h"
#include "WorkbookPageHtml.h"

#include <QJsonArray>
#include <QTest>

// What a facilitator reads of a learner's opened workbook, page by page: the learner's own
// words, escaped, in the shape they were written (a KWL and a worksheet as tables), and the
// way to the other pages they answered.
class TestWorkbookPageHtml : public QObject
{
    Q_OBJECT
private:
    Course m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    QHash<QString, QString> m_pages;

    Workbook workbook() const
    {
        Workbook w;
        w.courseId = m_course.id;
        w.owner = QStringLiteral("<b>Ana</b>");
        w.saved = QDateTime::currentDateTimeUtc();
        const QDateTime now = w.saved;
        w.answers = {
            Answer{m_course.id, QStringLiteral("reflect-expert"), QStringLiteral("reflection"),
                   QJsonObject{{QStringLiteral("text"), QStringLiteral("<script>alert(1)</script> & we\nfound out together")}}, true, now},
            Answer{m_course.id, QStringLiteral("kwl-course"), QStringLiteral("kwl"),
                   QJsonObject{{QStringLiteral("experience"), QStringLiteral("I run the gaming club")},
                               {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), QStringLiteral("Teens teach")},
                                                                               {QStringLiteral("want"), QStringLiteral("How to start")}}}}},
                   false, now},
            Answer{m_course.id, QStringLiteral("worksheet-self-assessment"), QStringLiteral("worksheet"),
                   QJsonObject{{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue::Null, QStringLiteral("3"),
                                                                                QStringLiteral("Advisory group plans")}}}},
                   false, now},
        };
        w.notes = {Note{m_course.id, m_pages.value(QStringLiteral("reflect-expert")), QStringLiteral("Ask me <about> this"), now}};
        return w;
    }

    QString htmlOf(const QString &activityId) const
    {
        const QString pageId = m_pages.value(activityId);
        const CoursePage *page = m_course.findPage(pageId);
        return WorkbookPageHtml::page(m_course, workbook(), pageId, PageRenderer(m_course).activities(*page), m_pages);
    }

private slots:
    void initTestCase()
    {
        m_pages = WorkbookPageHtml::pagesOfActivities(m_course);
        for (const char *id : {"reflect-expert", "kwl-course", "worksheet-self-assessment"})
            QVERIFY2(m_course.findPage(m_pages.value(QLatin1String(id))), id);
        QVERIFY(m_pages.value(QStringLiteral("kwl-course")) != m_pages.value(QStringLiteral("reflect-expert")));
    }

    void theLearnersWordsAreEscapedAndKeepTheirLines()
    {
        const QString html = htmlOf(QStringLiteral("reflect-expert"));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; we<br>found out together")));
        QVERIFY(!html.contains(QStringLiteral("<b>Ana</b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;Ana&lt;/b&gt;")));
        QVERIFY(html.contains(QStringLiteral("Ask me &lt;about&gt; this")));  // their note on the page
        QVERIFY(html.contains(QStringLiteral("Marked done.")));
    }

    void theOtherAnsweredPagesAreLinkedInCourseOrderAndThisOneIsNot()
    {
        const QString html = htmlOf(QStringLiteral("reflect-expert"));
        const QString here = QStringLiteral("page:") + m_pages.value(QStringLiteral("reflect-expert"));
        const qsizetype kwl = html.indexOf(QStringLiteral("page:") + m_pages.value(QStringLiteral("kwl-course")) + QLatin1Char('"'));
        const qsizetype sheet = html.indexOf(QStringLiteral("page:") + m_pages.value(QStringLiteral("worksheet-self-assessment")) + QLatin1Char('"'));
        QVERIFY(kwl > 0);
        QVERIFY(sheet > kwl);
        QVERIFY(!html.contains(here + QLatin1Char('"')));
    }

    void aKwlIsATableOfItsColumns()
    {
        const QString html = htmlOf(QStringLiteral("kwl-course"));
        QVERIFY(html.contains(QStringLiteral("<th>Know</th><th>Want to learn</th><th>Learned</th>")));
        QVERIFY(html.contains(QStringLiteral("<tr><td><p>Teens teach</p>\n</td><td><p>How to start</p>\n</td><td></td></tr>")));
        QVERIFY(html.contains(QStringLiteral("I run the gaming club")));
    }

    void aWorksheetKeepsItsDesignedCellsBesideTheAnswers()
    {
        const QString pageId = m_pages.value(QStringLiteral("worksheet-self-assessment"));
        ActivitySpec spec;
        for (const ActivitySpec &s : PageRenderer(m_course).activities(*m_course.findPage(pageId))) {
            if (s.id == QLatin1String("worksheet-self-assessment"))
                spec = s;
        }
        QVERIFY(!spec.rows.isEmpty() && spec.rows[0][0].type == WorksheetCell::Type::Fixed);
        const QString html = htmlOf(QStringLiteral("worksheet-self-assessment"));
        QVERIFY2(html.contains(QStringLiteral("<td class=\"fixed\"><p>%1</p>").arg(spec.rows[0][0].text.toHtmlEscaped())), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("Advisory group plans")));
        QVERIFY(html.contains(QStringLiteral("<th>%1</th>").arg(spec.columns.first().toHtmlEscaped())));
    }

    void anUnansweredActivityAndAPageWithoutActivitiesSaySo()
    {
        // The KWL's page as a workbook without answers sees it.
        const QString pageId = m_pages.value(QStringLiteral("kwl-course"));
        Workbook empty;
        empty.courseId = m_course.id;
        const QString html = WorkbookPageHtml::page(m_course, empty, pageId, PageRenderer(m_course).activities(*m_course.findPage(pageId)), m_pages);
        QVERIFY(html.contains(QStringLiteral("No answer.")));
        QVERIFY2(!html.contains(QStringLiteral("href=\"page:")), qPrintable(html));
        const QString before = WorkbookPageHtml::page(m_course, workbook(), QString(), {}, m_pages);
        QVERIFY(!before.contains(QStringLiteral("On this page")));  // no page has loaded yet
        QVERIFY(before.contains(QStringLiteral("page:") + pageId));
    }
};

QTEST_GUILESS_MAIN(TestWorkbookPageHtml)
#include "tst_workbook_page_html.moc"
