// The whole hostile course of issue 12 through the real command line: every command ends
// within seconds, never crashes, never shows or opens anything outside the course, names
// every refused file, and still loads and renders the good pages.
#include "CommandLineRun.h"
#include "HostileCourse.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/inotify.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace CommandLineRun;

namespace {

// A debug build on a loaded two-core CI machine: still seconds, never the minutes the
// unbounded course took.
constexpr qint64 kBoundMs = 30'000;
constexpr long kPeakMemoryBoundKb = 300 * 1024;

QString outsideMarker() { return QString::fromLatin1(HostileCourse::kOutsideMarker); }

// Watches the folder beside the course: any open or read of it (or of its module folder)
// by the app is a read outside the course, whatever the app then shows.
class OutsideReads
{
public:
    explicit OutsideReads(const QStringList &folders) : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        for (const QString &folder : folders)
            inotify_add_watch(m_fd, QFile::encodeName(folder).constData(), IN_OPEN | IN_ACCESS);
    }
    ~OutsideReads() { ::close(m_fd); }
    OutsideReads(const OutsideReads &) = delete;
    OutsideReads &operator=(const OutsideReads &) = delete;

    bool valid() const { return m_fd >= 0; }
    // The names opened or read since the watch began (or the last call).
    QStringList take() const
    {
        QStringList names;
        alignas(inotify_event) char buffer[8192];
        for (ssize_t n; (n = ::read(m_fd, buffer, sizeof buffer)) > 0;) {
            for (char *p = buffer; p < buffer + n;) {
                const auto *event = reinterpret_cast<const inotify_event *>(p);
                names << (event->len ? QString::fromUtf8(event->name) : QStringLiteral("(the folder itself)"));
                p += sizeof(inotify_event) + event->len;
            }
        }
        return names;
    }

private:
    int m_fd;
};

QStringList listedPageIds(const QJsonObject &outline)
{
    QStringList ids;
    for (const QJsonValue &module : outline.value(QStringLiteral("modules")).toArray()) {
        for (const QJsonValue &page : module.toObject().value(QStringLiteral("pages")).toArray())
            ids << page.toObject().value(QStringLiteral("id")).toString();
    }
    return ids;
}

}  // namespace

class TestHostileCourse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void peakMemoryOfLoadingIsBounded();
    void checkNamesEveryRefusedFile();
    void listKeepsTheGoodPagesOnly();
    void goodPagesRender();
    void brokenPagesRenderWhatIsSafe_data();
    void brokenPagesRenderWhatIsSafe();
    void renderAllFinishes();
    void nothingOutsideIsOpened();
    void courseWideFilesBrokenKeepTheCourse_data();
    void courseWideFilesBrokenKeepTheCourse();

private:
    Run run(const QStringList &arguments, const QString &course) const;

    QTemporaryDir m_tmp;
    HostileCourse::Paths m_paths;
};

void TestHostileCourse::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(COURSEBOOK_APP_PATH)).isExecutable(), COURSEBOOK_APP_PATH);
    QVERIFY(m_tmp.isValid());
    m_paths = HostileCourse::create(m_tmp.path());
    QVERIFY(!m_paths.course.isEmpty());
}

Run TestHostileCourse::run(const QStringList &arguments, const QString &course) const
{
    const Run result = runApp(QStringList{QStringLiteral("--course"), course} + arguments);
    // Never a crash, never a hang: a normal exit within the bound, with a readable figure if not.
    [&] {
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        QVERIFY2(result.elapsedMs < kBoundMs, qPrintable(QStringLiteral("took %1 ms").arg(result.elapsedMs)));
        QVERIFY2(!result.outText().contains(outsideMarker()), qPrintable(result.outText().left(3000)));
        QVERIFY2(!result.errText().contains(outsideMarker()), qPrintable(result.errText().left(3000)));
    }();
    return result;
}

// First, so that no earlier child's peak counts: RUSAGE_CHILDREN keeps the largest child's.
void TestHostileCourse::peakMemoryOfLoadingIsBounded()
{
    const Run check = run({QStringLiteral("--check")}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    rusage usage{};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
    qInfo("peak memory of --check on the hostile course: %ld MB (bound %ld MB), %lld ms", usage.ru_maxrss / 1024,
          kPeakMemoryBoundKb / 1024, check.elapsedMs);
    QVERIFY2(usage.ru_maxrss < kPeakMemoryBoundKb, qPrintable(QStringLiteral("%1 kB").arg(usage.ru_maxrss)));
}

void TestHostileCourse::checkNamesEveryRefusedFile()
{
    const Run check = run({QStringLiteral("--check")}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(check.exitCode == 0 || check.exitCode == 1, qPrintable(check.describe()));
    const QString out = check.outText();
    for (const QString &file : HostileCourse::badFiles())
        QVERIFY2(out.contains(file), qPrintable(file + QStringLiteral(" is not named in:\n") + out));
    // Whatever is wrong elsewhere, the good pages have nothing to report.
    QVERIFY2(!out.contains(QLatin1String("modules/good/")), qPrintable(out));
}

void TestHostileCourse::listKeepsTheGoodPagesOnly()
{
    const Run list = run({QStringLiteral("--list")}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(list.exitCode, 0);
    const QJsonObject outline = QJsonDocument::fromJson(list.out).object();
    const QStringList ids = listedPageIds(outline);
    for (const QString &good : HostileCourse::goodPageIds())
        QVERIFY2(ids.contains(good), qPrintable(ids.join(QLatin1Char(' '))));
    // The module folder linked out of the course brings no page, and no page is doubled.
    QVERIFY2(!ids.contains(QLatin1String("outside/leak")), qPrintable(ids.join(QLatin1Char(' '))));
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void TestHostileCourse::goodPagesRender()
{
    const Run welcome = run({QStringLiteral("--render"), QStringLiteral("good/welcome")}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(welcome.outText().contains(QLatin1String(HostileCourse::kGoodMarker)), qPrintable(welcome.describe()));
    const Run title = run({QStringLiteral("--render"), QStringLiteral("good/site-title")}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(title.outText().contains(QLatin1String("The course is called Hostile Course.")), qPrintable(title.describe()));
}

void TestHostileCourse::brokenPagesRenderWhatIsSafe_data()
{
    QTest::addColumn<QString>("pageId");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QStringList>("gone");
    const QStringList scriptish{QStringLiteral("onerror"), QStringLiteral("onmouseover"), QStringLiteral("javascript:"),
                                QStringLiteral("example.com"), QStringLiteral("<animate"), QStringLiteral("<set")};
    QTest::newRow("alias loop") << QStringLiteral("bad/yaml-loop") << QStringList{QStringLiteral("The body under a looping alias.")}
                                << QStringList();
    QTest::newRow("alias bomb") << QStringLiteral("bad/yaml-bomb") << QStringList{QStringLiteral("The page under the alias bomb.")}
                                << QStringList();
    QTest::newRow("include bomb") << QStringLiteral("bad/include-bomb")
                                  << QStringList{QStringLiteral("The text after the include bomb.")} << QStringList();
    QTest::newRow("sanitizer") << QStringLiteral("bad/sanitizer") << QStringList{QStringLiteral("SANITIZER-PAGE-TEXT stays.")}
                               << scriptish;
    QTest::newRow("deep nesting") << QStringLiteral("bad/deep")
                                  << QStringList{QStringLiteral("DEEPEST-TEXT"), QStringLiteral("The paragraph after the deep nest.")}
                                  << QStringList();
}

void TestHostileCourse::brokenPagesRenderWhatIsSafe()
{
    QFETCH(QString, pageId);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, gone);
    const Run page = run({QStringLiteral("--render"), pageId}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(page.exitCode, 0);
    for (const QString &text : kept)
        QVERIFY2(page.outText().contains(text), qPrintable(text + QStringLiteral(" is missing")));
    const QString body = page.outText().section(QLatin1String("<body"), 1);
    for (const QString &text : gone)
        QVERIFY2(!body.contains(text, Qt::CaseInsensitive), qPrintable(text + QStringLiteral(" survived in:\n") + body.left(3000)));
}

void TestHostileCourse::renderAllFinishes()
{
    const QString out = m_tmp.filePath(QStringLiteral("rendered"));
    const Run all = run({QStringLiteral("--render-all"), out}, m_paths.course);
    QVERIFY(!QTest::currentTestFailed());
    for (const QString &good : HostileCourse::goodPageIds())
        QVERIFY2(QFileInfo::exists(out + QLatin1Char('/') + good + QStringLiteral(".html")), qPrintable(good));
    QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(HostileCourse::kOutsideMarker), qPrintable(file.fileName()));
    }
}

void TestHostileCourse::nothingOutsideIsOpened()
{
    const OutsideReads reads({m_paths.outside, m_paths.outside + QStringLiteral("/module"),
                              m_paths.outside + QStringLiteral("/module/_posts")});
    QVERIFY(reads.valid());
    QVERIFY(reads.take().isEmpty());
    for (const QStringList &arguments : {QStringList{QStringLiteral("--check")}, QStringList{QStringLiteral("--list")},
                                         QStringList{QStringLiteral("--render-all"), m_tmp.filePath(QStringLiteral("again"))}}) {
        run(arguments, m_paths.course);
        QVERIFY(!QTest::currentTestFailed());
        const QStringList opened = reads.take();
        QVERIFY2(opened.isEmpty(), qPrintable(arguments.first() + QStringLiteral(" opened outside the course: ")
                                              + opened.join(QStringLiteral(", "))));
    }
}

void TestHostileCourse::courseWideFilesBrokenKeepTheCourse_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("namedFile");
    QTest::newRow("course.yml alias loop") << QStringLiteral("course-yml-loop") << QStringLiteral("_data/course.yml");
    QTest::newRow("_config.yml alias loop") << QStringLiteral("config-loop") << QStringLiteral("_config.yml");
    QTest::newRow("_config.yml linked out") << QStringLiteral("config-link-out") << QStringLiteral("_config.yml");
}

void TestHostileCourse::courseWideFilesBrokenKeepTheCourse()
{
    QFETCH(QString, variant);
    QFETCH(QString, namedFile);
    const HostileCourse::Paths paths = HostileCourse::createVariant(m_tmp.path(), variant);
    QVERIFY(!paths.course.isEmpty());
    const Run check = run({QStringLiteral("--check")}, paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(check.outText().contains(namedFile), qPrintable(check.describe()));
    const Run list = run({QStringLiteral("--list")}, paths.course);
    QVERIFY(!QTest::currentTestFailed());
    const QStringList ids = listedPageIds(QJsonDocument::fromJson(list.out).object());
    for (const QString &good : HostileCourse::goodPageIds())
        QVERIFY2(ids.contains(good), qPrintable(list.describe()));
    const Run title = run({QStringLiteral("--render"), QStringLiteral("good/site-title")}, paths.course);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(title.outText().contains(QLatin1String("The course is called")), qPrintable(title.describe()));
}

QTEST_GUILESS_MAIN(TestHostileCourse)
#include "tst_hostile_course.moc"
