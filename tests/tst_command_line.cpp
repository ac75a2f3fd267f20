// Tests for the command line (README "Command line", docs/course-format.md section 7):
// the real coursebook binary is run with QProcess (tests/support/CommandLineRun.h): --version,
// --help, a missing or unreadable course, and the bundled course listed, rendered, checked and
// exported. The hostile course (tests/data/hostile) has a suite of its own:
// tst_command_line_hostile.

#include "CommandLineRun.h"
#include "UnprivilegedRun.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace CommandLineRun;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void version();
    void help();
    void missingCourse_data();
    void missingCourse();
    void unreadableCourse();

    void listBundled();
    void renderBundled();
    void renderUnknownPage();
    void renderAll();
    void renderAllUnwritable();
    void renderAllIntoTheCourse();
    void checkBundled();
    void rootWithoutSandboxSetting();

private:
    QTemporaryDir m_tmp;
    QHash<QString, QString> m_pageAlone;  // page id -> its HTML from --render, rendered in a process of its own
};

void TestCommandLine::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(COURSEBOOK_APP_PATH)).isExecutable(), COURSEBOOK_APP_PATH);
    QVERIFY(m_tmp.isValid());
}

// --- basics ----------------------------------------------------------------------------

void TestCommandLine::version()
{
    const Run run = runApp({QStringLiteral("--version")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("\\b0\\.1\\.\\d+\\b")).match(run.outText()).hasMatch(), qPrintable(run.describe()));
}

void TestCommandLine::help()
{
    const Run run = runApp({QStringLiteral("--help")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--list", "--render", "--render-all", "--check", "--course"})
        QVERIFY2(run.outText().contains(QLatin1String(option)), option);
}

void TestCommandLine::missingCourse_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("list") << QStringList{QStringLiteral("--list")};
    QTest::newRow("check") << QStringList{QStringLiteral("--check")};
    QTest::newRow("render") << QStringList{QStringLiteral("--render"), QStringLiteral("bad/fine")};
    QTest::newRow("render-all") << QStringList{QStringLiteral("--render-all"), m_tmp.filePath(QStringLiteral("never-written"))};
}

void TestCommandLine::missingCourse()
{
    QFETCH(QStringList, command);
    const QString path = QStringLiteral("/nonexistent");
    QVERIFY(!QFileInfo::exists(path));
    const Run run = runApp(QStringList{QStringLiteral("--course"), path} + command);
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errLines().size() == 1, qPrintable(run.describe()));
    QVERIFY2(run.errLines().first().contains(path), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("never-written"))));
}

void TestCommandLine::unreadableCourse()
{
    RUN_UNPRIVILEGED_WHEN_ROOT();  // root reads any folder, so an unreadable course needs another user
    const QString locked = m_tmp.filePath(QStringLiteral("locked"));
    QVERIFY(copyTree(QStringLiteral(TESTDATA_DIR "/hostile"), locked));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
    auto restore = qScopeGuard([&] { QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner); });
    for (const QString &command : {QStringLiteral("--list"), QStringLiteral("--check")}) {
        const Run run = runApp({QStringLiteral("--course"), locked, command});
        QVERIFY2(run.ok(), qPrintable(command + QLatin1Char('\n') + run.describe()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLines().size() == 1, qPrintable(command + QLatin1Char('\n') + run.describe()));
        QVERIFY2(run.errLines().first().contains(locked), qPrintable(command + QLatin1Char('\n') + run.describe()));
    }
}

// --- the bundled course ----------------------------------------------------------------

void TestCommandLine::listBundled()
{
    const QJsonObject course = listCourse(bundledCourse());
    QVERIFY(!course.isEmpty());
    QVERIFY(course.value(QStringLiteral("id")).isString());
    QVERIFY(!course.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(course.value(QStringLiteral("title")).isString());
    QVERIFY(!course.value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(course.value(QStringLiteral("modules")).isArray());
    const QJsonArray modules = course.value(QStringLiteral("modules")).toArray();
    QVERIFY(!modules.isEmpty());
    // The course home, above the modules: course/index.md.
    const QJsonObject home = course.value(QStringLiteral("home")).toObject();
    QCOMPARE(home.value(QStringLiteral("id")).toString(), QStringLiteral("home"));
    QCOMPARE(home.value(QStringLiteral("file")).toString(), QStringLiteral("index.md"));
    QVERIFY(!course.value(QStringLiteral("description")).toString().isEmpty());

    static const QRegularExpression datedName(QStringLiteral("^\\d{4}-\\d{1,2}-\\d{1,2}-(.+)\\.(md|markdown|html)$"));
    QSet<QString> allIds;
    QSet<QString> allFiles;
    for (const QJsonValue &moduleValue : modules) {
        QVERIFY(moduleValue.isObject());
        const QJsonObject module = moduleValue.toObject();
        const QString moduleId = module.value(QStringLiteral("id")).toString();
        QVERIFY(!moduleId.isEmpty());
        QVERIFY(!moduleId.contains(QLatin1Char('/')));
        QVERIFY(module.value(QStringLiteral("title")).isString());
        QVERIFY(!module.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(module.value(QStringLiteral("pages")).isArray());
        const QJsonArray pages = module.value(QStringLiteral("pages")).toArray();
        QVERIFY2(!pages.isEmpty(), qPrintable(moduleId));

        QStringList earlier;
        for (const QJsonValue &pageValue : pages) {
            QVERIFY(pageValue.isObject());
            const QJsonObject page = pageValue.toObject();
            const QString id = page.value(QStringLiteral("id")).toString();
            QVERIFY2(id.startsWith(moduleId + QLatin1Char('/')), qPrintable(id));
            const QString slug = id.mid(moduleId.size() + 1);
            QVERIFY2(!slug.isEmpty() && !slug.contains(QLatin1Char('/')), qPrintable(id));
            QVERIFY2(!allIds.contains(id), qPrintable(QStringLiteral("duplicate id ") + id));
            allIds.insert(id);

            QVERIFY2(page.value(QStringLiteral("title")).isString() && !page.value(QStringLiteral("title")).toString().isEmpty(), qPrintable(id));
            QVERIFY2(page.value(QStringLiteral("file")).isString(), qPrintable(id));
            const QString file = page.value(QStringLiteral("file")).toString();
            QVERIFY2(QFileInfo(bundledCourse() + QLatin1Char('/') + file).isFile(), qPrintable(id + QStringLiteral(": ") + file));
            // Any file of the course would pass isFile(): it must be this page's own source,
            // relative to the course, in its module's folder, and claimed by no other page.
            QVERIFY2(QDir::isRelativePath(file) && QDir::cleanPath(file) == file && !file.startsWith(QLatin1String("..")),
                     qPrintable(id + QStringLiteral(": ") + file));
            QVERIFY2(file.startsWith(QStringLiteral("modules/%1/").arg(moduleId)), qPrintable(id + QStringLiteral(": ") + file));
            QVERIFY2(!allFiles.contains(file), qPrintable(QStringLiteral("%1 shares its file %2 with another page").arg(id, file)));
            allFiles.insert(file);
            QFile source(bundledCourse() + QLatin1Char('/') + file);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(file));
            const QRegularExpression titleLine(QStringLiteral("^title:\\s*[\"']?") + QRegularExpression::escape(page.value(QStringLiteral("title")).toString())
                                                   + QStringLiteral("[\"']?\\s*$"),
                                               QRegularExpression::MultilineOption);
            QVERIFY2(titleLine.match(QString::fromUtf8(source.readAll())).hasMatch(),
                     qPrintable(QStringLiteral("%1: %2 does not have the title \"%3\"").arg(id, file, page.value(QStringLiteral("title")).toString())));
            const QRegularExpressionMatch name = datedName.match(QFileInfo(file).fileName());
            if (name.hasMatch())
                QCOMPARE(slug, name.captured(1));
            QVERIFY2(page.value(QStringLiteral("activities")).isArray(), qPrintable(id));

            QVERIFY2(page.contains(QStringLiteral("parent")), qPrintable(id));
            const QJsonValue parent = page.value(QStringLiteral("parent"));
            QVERIFY2(parent.isNull() || (parent.isString() && earlier.contains(parent.toString())),
                     qPrintable(id + QStringLiteral(": parent ") + parent.toVariant().toString()));
            earlier << id;
        }
    }
}

void TestCommandLine::renderBundled()
{
    const QJsonObject course = listCourse(bundledCourse());
    QVERIFY(!course.isEmpty());
    int rendered = 0;
    for (const QJsonValue &module : course.value(QStringLiteral("modules")).toArray()) {
        for (const QJsonValue &pageValue : module.toObject().value(QStringLiteral("pages")).toArray()) {
            const QJsonObject page = pageValue.toObject();
            const QString id = page.value(QStringLiteral("id")).toString();
            const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--render"), id});
            QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(id + QLatin1Char('\n') + run.describe()));
            const QString html = run.outText();
            QVERIFY2(isFullDocument(html), qPrintable(id + QLatin1Char('\n') + html.left(300)));
            QCOMPARE(firstH1(html), page.value(QStringLiteral("title")).toString());
            m_pageAlone.insert(id, html);
            ++rendered;
        }
    }
    QVERIFY(rendered > 0);
}

void TestCommandLine::renderUnknownPage()
{
    const QString id = QStringLiteral("getting-started/no-such-page");
    const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--render"), id});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errText().contains(id), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCommandLine::renderAll()
{
    const QJsonObject course = listCourse(bundledCourse());
    QVERIFY(!course.isEmpty());
    const QString dir = m_tmp.filePath(QStringLiteral("render-all/out"));
    // An empty render cache of its own: every page is rendered here, by several threads at
    // once, not read back from renderBundled's runs.
    const QByteArray cache = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", m_tmp.filePath(QStringLiteral("render-all/cache")).toLocal8Bit());
    const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--render-all"), dir});
    qputenv("XDG_CACHE_HOME", cache);
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));

    // The course home, then every page of every module.
    QJsonArray pages{course.value(QStringLiteral("home"))};
    for (const QJsonValue &module : course.value(QStringLiteral("modules")).toArray()) {
        for (const QJsonValue &page : module.toObject().value(QStringLiteral("pages")).toArray())
            pages.append(page);
    }
    QSet<QString> expected;
    for (const QJsonValue &pageValue : std::as_const(pages)) {
        const QJsonObject page = pageValue.toObject();
        const QString id = page.value(QStringLiteral("id")).toString();
        const QString path = dir + QLatin1Char('/') + id + QStringLiteral(".html");
        expected.insert(QDir::cleanPath(path));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY2(isFullDocument(html), qPrintable(path));
        QCOMPARE(firstH1(html), page.value(QStringLiteral("title")).toString());
        // The same page as rendered alone, each of its pages before it included (a KWL's return).
        if (m_pageAlone.contains(id))
            QVERIFY2(html == m_pageAlone.value(id), qPrintable(id + QStringLiteral(" differs from --render ") + id));
    }
    QVERIFY(m_pageAlone.size() + 1 >= expected.size());
    QVERIFY(!expected.isEmpty());
    // Nothing but the pages' files.
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QDir::cleanPath(it.next());
        QVERIFY2(expected.contains(path), qPrintable(QStringLiteral("unexpected file ") + path));
    }
}

void TestCommandLine::renderAllUnwritable()
{
    const QString regularFile = m_tmp.filePath(QStringLiteral("a-regular-file"));
    QVERIFY(writeFile(regularFile, "not a folder\n"));
    const QString dir = regularFile + QStringLiteral("/out");
    const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--render-all"), dir});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY2(!run.errText().trimmed().isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.errText().contains(regularFile), qPrintable(run.describe()));
}

// Written into the course, the pages would become the course's own files: refused, and
// nothing is written. A copy of the course, so a regression cannot touch the bundled one.
void TestCommandLine::renderAllIntoTheCourse()
{
    const QString copy = m_tmp.filePath(QStringLiteral("course-copy"));
    QVERIFY(copyTree(bundledCourse(), copy));
    for (const QString &inside : {copy, copy + QStringLiteral("/rendered/pages"), copy + QStringLiteral("/modules/../out")}) {
        const Run run = runApp({QStringLiteral("--course"), copy, QStringLiteral("--render-all"), inside});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(QStringLiteral("inside the course")), qPrintable(run.describe()));
    }
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral("/rendered")));
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral("/out")));
    QDirIterator it(copy, {QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString()));
    // Beside the course is fine.
    const Run beside = runApp({QStringLiteral("--course"), copy, QStringLiteral("--render-all"), copy + QStringLiteral("-pages")});
    QVERIFY2(beside.ok() && beside.exitCode == 0, qPrintable(beside.describe()));
}

void TestCommandLine::checkBundled()
{
    const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--check")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 0);
}

// Chromium aborts as root with its sandbox on: the app says what to do instead. Only root
// meets this, so only root can test it; CI runs as root, so CI always does.
void TestCommandLine::rootWithoutSandboxSetting()
{
    if (geteuid() != 0)
        QSKIP("the refusal is for root only (CI runs this as root)");
    const QString output = QDir::temp().filePath(QStringLiteral("coursebook-root-test.pdf"));
    const Run run = runApp({QStringLiteral("--course"), bundledCourse(), QStringLiteral("--export"), QStringLiteral("pdf"),
                            QStringLiteral("--output"), output},
                           {QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("QTWEBENGINE_DISABLE_SANDBOX=1"), qPrintable(run.describe()));
    QVERIFY(!QFile::exists(output));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
