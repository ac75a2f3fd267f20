// The course that ships with the app, held to what its learners and facilitators rely on:
// its shape (modules, sections, objectives), every page rendering without a problem and
// of a readable length, the workbook parts it promises, and activity ids that never change
// (answers are stored by them).
#include "ActivitySpec.h"
#include "CourseCheck.h"
#include "CourseLoader.h"
#include "PageRenderer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestBundledCourse : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void countsAreWhatTheReadmeSays();
    void hasModulesOfSectionsOpeningWithObjectives();
    void everyPageRendersCleanlyAtAReadableLength();
    void activityIdsAreExplicitUniqueAndStable();
    void workbookPartsAreAllThere();
    void kwlIsRevisitedOnTheLastTeachingPage();
    void diagramsHaveTextAlternatives();
    void facilitatorsHaveNotesAPlanAndTheVideo();
    void referencePagesAndLicence();
    void homeWelcomesAndLinksEveryModule();
    void checkReportsNothing();

private:
    QVector<ActivitySpec> allActivities() const;
    static QString source(const QString &relative);
    int caseStudies() const;
    QStringList diagrams() const;

    Course m_course;
    QHash<QString, RenderedPage> m_rendered;  // by page id
};

namespace {

// Words of a page's teaching text: the Markdown source without facilitator notes and tags.
int teachingWords(const QString &markdown)
{
    QString text = markdown;
    text.remove(QRegularExpression(QStringLiteral("<div class=\"facilitator-notes\".*?</div>"),
                                   QRegularExpression::DotMatchesEverythingOption));
    text.remove(QRegularExpression(QStringLiteral("<[^>]+>")));
    static const QRegularExpression word(QStringLiteral("[\\w’'-]+"));
    int count = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

// The first problem, for a failure message (evaluated even when there is none).
QString firstProblem(const Diagnostics &problems)
{
    return problems.isEmpty() ? QString() : problems.first().file + QStringLiteral(": ") + problems.first().message;
}

// The numbers README.md's "What it is" gives for the bundled course, by what they count
// ("modules", "case studies"); written as words up to twelve, else as digits.
QHash<QString, int> readmeCounts()
{
    QFile file(QStringLiteral(BUNDLED_COURSE_DIR "/../README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("## What it is"));
    text = text.mid(start, text.indexOf(QStringLiteral("\n## "), start + 1) - start).simplified();
    static const QStringList words = {"zero", "one", "two", "three", "four", "five", "six",
                                      "seven", "eight", "nine", "ten", "eleven", "twelve"};
    static const QRegularExpression count(QStringLiteral("\\b(\\d+|%1) (modules|pages|reflections|worksheets|case studies|diagrams)\\b")
                                              .arg(words.join(QLatin1Char('|'))));
    QHash<QString, int> counts;
    for (auto it = count.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString number = match.captured(1);
        counts.insert(match.captured(2), words.contains(number) ? int(words.indexOf(number)) : number.toInt());
    }
    return counts;
}

bool isAppendix(const CourseModule &module)
{
    return module.title.startsWith(QStringLiteral("Appendix"));
}

}  // namespace

QString TestBundledCourse::source(const QString &relative)
{
    QFile file(QStringLiteral(BUNDLED_COURSE_DIR "/") + relative);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestBundledCourse::initTestCase()
{
    m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    const PageRenderer renderer(m_course);
    for (const CoursePage *page : m_course.pages())
        m_rendered.insert(page->id, renderer.render(*page));
}

QVector<ActivitySpec> TestBundledCourse::allActivities() const
{
    QVector<ActivitySpec> all;
    for (const CoursePage *page : m_course.pages())
        all += m_rendered.value(page->id).activities;
    return all;
}

int TestBundledCourse::caseStudies() const
{
    int count = 0;
    for (const RenderedPage &page : std::as_const(m_rendered))
        count += int(page.bodyHtml.count(QStringLiteral("class=\"callout case_study\"")));
    return count;
}

QStringList TestBundledCourse::diagrams() const
{
    return QDir(QStringLiteral(BUNDLED_COURSE_DIR "/img")).entryList({QStringLiteral("*.svg")});
}

// What the README promises a reader of the bundled course, number for number: a course that
// grows or shrinks must take its description along.
void TestBundledCourse::countsAreWhatTheReadmeSays()
{
    const QHash<QString, int> promised = readmeCounts();
    using Kind = ActivitySpec::Kind;
    const QVector<ActivitySpec> all = allActivities();
    const auto activities = [&](Kind kind) {
        return int(std::count_if(all.begin(), all.end(), [&](const ActivitySpec &a) { return a.kind == kind && !a.revisit; }));
    };
    const QHash<QString, int> actual = {
        {QStringLiteral("modules"), int(m_course.modules.size())},
        {QStringLiteral("pages"), m_course.pageCount() - 1},  // the modules' pages, after the home
        {QStringLiteral("reflections"), activities(Kind::Reflection)},
        {QStringLiteral("worksheets"), activities(Kind::Worksheet)},
        {QStringLiteral("case studies"), caseStudies()},
        {QStringLiteral("diagrams"), int(diagrams().size())},
    };
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        QVERIFY2(promised.contains(it.key()), qPrintable(QStringLiteral("README.md no longer says how many ") + it.key()));
        QVERIFY2(promised.value(it.key()) == it.value(),
                 qPrintable(QStringLiteral("README.md says %1 %2, the course has %3").arg(promised.value(it.key())).arg(it.key()).arg(it.value())));
    }
    QCOMPARE(activities(Kind::Kwl), 1);  // "a KWL chart that the last page returns to"
}

void TestBundledCourse::hasModulesOfSectionsOpeningWithObjectives()
{
    QCOMPARE(m_course.id, QStringLiteral("connected-learning-library-staff"));
    for (const CourseModule &module : m_course.modules) {
        QVERIFY2(!module.pages.isEmpty(), qPrintable(module.id));
        const CoursePage &first = module.pages.first();
        QVERIFY2(first.isSectionHead, qPrintable(first.id));
        QVERIFY2(m_rendered.value(first.id).bodyHtml.contains(QStringLiteral("class=\"callout objectives\"")), qPrintable(first.id));
        const auto sections = std::count_if(module.pages.begin(), module.pages.end(), [](const CoursePage &p) { return p.isSectionHead; });
        QVERIFY2(sections >= 2, qPrintable(module.id));
        for (const CoursePage &page : module.pages)
            QVERIFY2(page.isSectionHead || !page.parentId.isEmpty(), qPrintable(page.id + QStringLiteral(" is outside any section")));
    }
}

void TestBundledCourse::everyPageRendersCleanlyAtAReadableLength()
{
    for (const CoursePage *page : m_course.pages()) {
        const RenderedPage &rendered = m_rendered[page->id];
        QVERIFY2(rendered.diagnostics.isEmpty(), qPrintable(firstProblem(rendered.diagnostics)));
        const int words = teachingWords(page->markdown);
        QVERIFY2(words >= 250 && words <= 900, qPrintable(page->id + QStringLiteral(": %1 words").arg(words)));
        // Markdown left unconverted would show its markers to the reader.
        QVERIFY2(!rendered.bodyHtml.contains(QStringLiteral("**")), qPrintable(page->id));
        QVERIFY2(!rendered.bodyHtml.contains(QStringLiteral("](")), qPrintable(page->id));
    }
}

void TestBundledCourse::activityIdsAreExplicitUniqueAndStable()
{
    QSet<QString> ids;
    for (const ActivitySpec &spec : allActivities()) {
        if (spec.revisit)
            continue;
        QVERIFY2(!spec.id.contains(QLatin1Char('#')), qPrintable(spec.id + QStringLiteral(": give it an explicit id")));
        QVERIFY2(!ids.contains(spec.id), qPrintable(QStringLiteral("two activities are called ") + spec.id));
        ids.insert(spec.id);
    }
    // Learners' answers are stored under these ids: an id may be added to the list, never
    // renamed or dropped.
    QFile file(QStringLiteral(TESTDATA_DIR "/bundled-activity-ids.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList stable = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(stable.size() >= 20);
    for (const QString &id : stable)
        QVERIFY2(ids.contains(id.trimmed()), qPrintable(id + QStringLiteral(" is gone: answers saved under it would be orphaned")));
}

void TestBundledCourse::workbookPartsAreAllThere()
{
    using Kind = ActivitySpec::Kind;
    const QVector<ActivitySpec> all = allActivities();  // how many of each: countsAreWhatTheReadmeSays
    const auto find = [&](const QString &id) {
        return std::find_if(all.begin(), all.end(), [&](const ActivitySpec &a) { return a.id == id; });
    };
    const auto selfAssessment = find(QStringLiteral("worksheet-self-assessment"));
    QVERIFY(selfAssessment != all.end());
    int ratings = 0;
    bool totalRow = false;
    for (const QVector<WorksheetCell> &row : selfAssessment->rows) {
        ratings += int(std::count_if(row.begin(), row.end(), [](const WorksheetCell &c) { return c.type == WorksheetCell::Type::Rating; }));
        totalRow = totalRow || std::any_of(row.begin(), row.end(), [](const WorksheetCell &c) { return c.type == WorksheetCell::Type::Total; });
    }
    QVERIFY2(ratings >= 6, qPrintable(QString::number(ratings)));
    QVERIFY(totalRow);

    const auto actionPlan = find(QStringLiteral("worksheet-action-plan"));
    QVERIFY(actionPlan != all.end());
    QCOMPARE(actionPlan->kind, Kind::Worksheet);
    QVERIFY(actionPlan->canAddRows);  // a plan grows
    for (const QString &column : actionPlan->columns)
        QVERIFY2(!column.isEmpty(), "every action plan column has a heading");

    // A worksheet's fixed prompts never turn into choices by accident ("A / B" in a prompt).
    for (const ActivitySpec &spec : all) {
        if (spec.kind != Kind::Worksheet || spec.id == selfAssessment->id)
            continue;
        for (const QVector<WorksheetCell> &row : spec.rows)
            for (const WorksheetCell &cell : row)
                QVERIFY2(cell.type != WorksheetCell::Type::Rating, qPrintable(spec.id));
    }

}

void TestBundledCourse::kwlIsRevisitedOnTheLastTeachingPage()
{
    const CoursePage *welcome = &m_course.modules.first().pages.first();
    const QVector<ActivitySpec> &opening = m_rendered[welcome->id].activities;
    QVERIFY(!opening.isEmpty());
    QCOMPARE(opening.first().kind, ActivitySpec::Kind::Kwl);
    const QString kwlId = opening.first().id;

    const CourseModule *lastTeaching = nullptr;
    for (const CourseModule &module : m_course.modules)
        if (!isAppendix(module))
            lastTeaching = &module;
    QVERIFY(lastTeaching);
    const CoursePage &last = lastTeaching->pages.last();
    const QVector<ActivitySpec> &closing = m_rendered[last.id].activities;
    const auto revisit = std::find_if(closing.begin(), closing.end(), [](const ActivitySpec &a) { return a.revisit; });
    QVERIFY2(revisit != closing.end(), qPrintable(last.id));
    QCOMPARE(revisit->id, kwlId);  // the same answer: the Learned column is filled in there
    QCOMPARE(revisit->kind, ActivitySpec::Kind::Kwl);
    QVERIFY(revisit->promptText.contains(QStringLiteral("Learned")));
}

void TestBundledCourse::diagramsHaveTextAlternatives()
{
    const QStringList svgs = diagrams();  // how many: countsAreWhatTheReadmeSays
    QString allHtml;
    for (const RenderedPage &page : std::as_const(m_rendered))
        allHtml += page.bodyHtml;
    for (const QString &svg : svgs) {
        const QString text = source(QStringLiteral("img/") + svg);
        QVERIFY2(text.contains(QStringLiteral("role=\"img\"")) && text.contains(QStringLiteral("<title"))
                     && text.contains(QStringLiteral("<desc")), qPrintable(svg));
        QVERIFY2(!text.contains(QStringLiteral("href=\"http")) && !text.contains(QStringLiteral("<script")), qPrintable(svg));
        // Used by a page, with alt text a screen reader can read out.
        const QRegularExpression image(QStringLiteral("<img src=\"course://coursebook/file/img/%1\" alt=\"([^\"]{20,})\"").arg(QRegularExpression::escape(svg)));
        QVERIFY2(image.match(allHtml).hasMatch(), qPrintable(svg));
    }
}

void TestBundledCourse::facilitatorsHaveNotesAPlanAndTheVideo()
{
    int modulesWithNotesEverywhere = 0;
    for (const CourseModule &module : m_course.modules) {
        const bool everywhere = std::all_of(module.pages.begin(), module.pages.end(), [](const CoursePage &page) {
            return page.markdown.contains(QStringLiteral("class=\"facilitator-notes\""));
        });
        modulesWithNotesEverywhere += everywhere ? 1 : 0;
    }
    QVERIFY(modulesWithNotesEverywhere >= 2);

    const CoursePage *plan = m_course.findPage(QStringLiteral("workshop-toolkit/workshop-plan"));
    QVERIFY(plan);
    QVERIFY(plan->markdown.contains(QStringLiteral("90")));
    // The agenda's times are a table, and the plan points at the worksheets to print.
    QVERIFY(m_rendered[plan->id].bodyHtml.contains(QStringLiteral("<table")));
    QVERIFY(plan->markdown.contains(QStringLiteral("--blank")));

    const QString welcome = m_rendered[m_course.modules.first().pages.first().id].bodyHtml;
    QVERIFY(welcome.contains(QStringLiteral("video-card")));
    QVERIFY(welcome.contains(QStringLiteral("2:20")));
}

void TestBundledCourse::referencePagesAndLicence()
{
    for (const char *slug : {"glossary", "references", "about"})
        QVERIFY2(m_course.findPage(QStringLiteral("workshop-toolkit/") + QLatin1String(slug)), slug);
    const QString references = m_course.findPage(QStringLiteral("workshop-toolkit/references"))->markdown;
    for (const char *source : {"clalliance.org", "youmedia", "q2l.org", "connectedcamps.com", "fusestudio.net", "dmlhub.net"})
        QVERIFY2(references.contains(QLatin1String(source), Qt::CaseInsensitive), source);
    QVERIFY(source(QStringLiteral("LICENSE")).contains(QStringLiteral("Attribution-ShareAlike 4.0")));
    QVERIFY(m_course.findPage(QStringLiteral("workshop-toolkit/about"))->markdown.contains(QStringLiteral("CC BY-SA 4.0")));
}

void TestBundledCourse::homeWelcomesAndLinksEveryModule()
{
    QVERIFY(m_course.hasHome());
    QCOMPARE(m_course.pages().first(), &m_course.home);
    QCOMPARE(m_course.home.relativePath, QStringLiteral("index.md"));
    const QString home = m_rendered[m_course.home.id].bodyHtml.simplified();
    for (const CourseModule &module : m_course.modules) {
        QVERIFY2(home.contains(QStringLiteral("href=\"course://coursebook/page/%1\"").arg(module.pages.first().id)), qPrintable(module.id));
    }
    // How to use it offline, and whose it is.
    for (const char *said : {"save as you type", "DOCX", "PDF", "F5", "CC BY-SA 4.0", "Coursebook authors"})
        QVERIFY2(home.contains(QLatin1String(said)), said);
    QVERIFY(home.contains(QStringLiteral("class=\"course-description\"")));
    QVERIFY(m_rendered[m_course.home.id].activities.isEmpty());
}

void TestBundledCourse::checkReportsNothing()
{
    const Diagnostics problems = CourseCheck::run(m_course);
    QVERIFY2(problems.isEmpty(), qPrintable(firstProblem(problems)));
}

QTEST_GUILESS_MAIN(TestBundledCourse)
#include "tst_bundled_course.moc"
