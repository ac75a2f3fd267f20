// Tests for the command line (README "Command line", docs/course-format.md section 7) on a
// hostile course (tests/data/hostile): the real coursebook binary is run with QProcess
// (tests/support/CommandLineRun.h). The hostile course is copied to a QTemporaryDir first, and
// the parts that cannot be committed are added to the copy: a 5 MB page, symbolic links
// pointing out of the course, and a page that uses them.

#include "CommandLineRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace CommandLineRun;

namespace {

const QString kModule = QStringLiteral("bad");
// A text that exists only in a file outside the course; a symlink in the course points at it.
const QString kOutsideSecret = QStringLiteral("OUTSIDE-SECRET-5d41402abc4b2a76b9719d911017c592");
const QString kBigPageEnd = QStringLiteral("This is the very last sentence of the big page.");

// A realistic but huge page: the same week-by-week planning notes, again and again,
// with headings (some repeated verbatim, as real pages do), lists, quotes and links.
QByteArray bigPage(qint64 targetBytes)
{
    QByteArray page = "---\ntitle: A Very Long Page\n---\n\n"
                      "This page is long on purpose: a year of planning notes pasted into one file.\n\n";
    for (int week = 1; page.size() < targetBytes; ++week) {
        const QByteArray n = QByteArray::number(week);
        page += "## Week " + n + ": Planning a teen program\n\n"
                "Start from what the teens already bring through the door. Ask three of them what they did last weekend, "
                "write down every interest they mention, and look for the one that two of them share. That shared interest "
                "is the seed of this week's session, not the plan you drafted on Monday. Keep the first try small: one table, "
                "one afternoon, one borrowed tool. A small try is cheap, so nobody's reputation rides on it.\n\n"
                "* Book the room for week " + n + " and tell the front desk\n"
                "* Borrow two tablets and a projector from the branch office\n"
                "* Print the sign-up sheet and the **photo permission** forms\n"
                "* Ask a volunteer with _real_ experience to drop by for half an hour\n\n"
                "1. Welcome and a warm-up question\n"
                "2. Twenty minutes of making, in pairs\n"
                "3. Show and tell, then a quick vote on next week's theme\n\n"
                "### Reflection\n\n"
                "What surprised you this week? Write one sentence about what the teens did that you did not expect, "
                "and one about what you will change. See the [fine page](/modules/bad/fine/) for the template, "
                "and keep your notes short: a real example beats a perfect summary.\n\n"
                "> \"We tried it, it flopped, and the teens told us why. Best meeting of the term.\" (week " + n + " notes)\n\n"
                "| Task | Owner | Done |\n|---|---|---|\n| Room | Sam | yes |\n| Snacks | Alex | no |\n\n";
    }
    page += kBigPageEnd.toUtf8() + "\n";
    return page;
}

}  // namespace

class TestCommandLineHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hostileCheck();
    void checkExitsOneOnlyOnErrors_data();
    void checkExitsOneOnlyOnErrors();
    void hostileCheckLineNumbers();
    void hostileList();
    void hostileRenderIsSafe_data();
    void hostileRenderIsSafe();
    void hostileBrokenFrontMatterKeepsBody();
    void hostileWindows1252IsDecoded();
    void hostileBigPage();

private:
    QStringList hostilePageIds() const;

    QTemporaryDir m_tmp;
    QString m_hostile;  // the temp copy of tests/data/hostile
    QString m_passwdLines;
    QString m_hostname;
};

void TestCommandLineHostile::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(COURSEBOOK_APP_PATH)).isExecutable(), COURSEBOOK_APP_PATH);
    QVERIFY(m_tmp.isValid());
    m_hostile = m_tmp.filePath(QStringLiteral("hostile"));
    QVERIFY(copyTree(QStringLiteral(TESTDATA_DIR "/hostile"), m_hostile));
    const QString posts = m_hostile + QStringLiteral("/modules/bad/_posts/");
    QVERIFY(QFileInfo::exists(posts + QStringLiteral("2020-01-08-fine.md")));

    // The 5 MB page.
    QVERIFY(writeFile(posts + QStringLiteral("2020-01-04-big.md"), bigPage(5 * 1024 * 1024)));

    // Symbolic links inside the course pointing out of it, and a page showing them as images.
    QVERIFY(QDir().mkpath(m_hostile + QStringLiteral("/img")));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), m_hostile + QStringLiteral("/img/escape.png")));
    const QString outside = m_tmp.filePath(QStringLiteral("outside/secret.txt"));
    QVERIFY(writeFile(outside, kOutsideSecret.toUtf8() + "\n"));
    QVERIFY(QFile::link(outside, m_hostile + QStringLiteral("/img/secret.png")));
    QVERIFY(writeFile(posts + QStringLiteral("2020-01-09-symlink.md"),
                      "---\ntitle: Images Behind Symbolic Links\n---\n\n"
                      "This image is a symbolic link to the host name file:\n\n![x](/img/escape.png)\n\n"
                      "And this one points at a file next to the course:\n\n![y](/img/secret.png)\n\n"
                      "The last sentence of the symlink page is still shown.\n"));

    QFile passwd(QStringLiteral("/etc/passwd"));
    if (passwd.open(QIODevice::ReadOnly))
        m_passwdLines = QString::fromUtf8(passwd.readAll());
    QFile hostname(QStringLiteral("/etc/hostname"));
    if (hostname.open(QIODevice::ReadOnly))
        m_hostname = QString::fromUtf8(hostname.readAll()).trimmed();
}

QStringList TestCommandLineHostile::hostilePageIds() const
{
    QStringList ids;
    for (const char *slug : {"script", "remote", "escape", "big", "binary", "latin1", "broken-front-matter", "fine", "symlink"})
        ids << kModule + QLatin1Char('/') + QLatin1String(slug);
    return ids;
}

// --- the hostile course ----------------------------------------------------------------

void TestCommandLineHostile::hostileCheck()
{
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--check")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 1);

    static const QRegularExpression format(QStringLiteral("^([^:]+):(\\d+): (error|warning): (.+)$"));
    struct Problem {
        QString file;
        int line;
        QString severity;
        QString message;
    };
    QVector<Problem> problems;
    const QStringList lines = run.outLines();
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = format.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("not file:line: severity: message: ") + line));
        QVERIFY2(QFileInfo::exists(m_hostile + QLatin1Char('/') + m.captured(1)), qPrintable(QStringLiteral("no such file: ") + line));
        problems.append({m.captured(1), m.captured(2).toInt(), m.captured(3), m.captured(4)});
    }
    const QString all = lines.join(QLatin1Char('\n'));

    auto has = [&](const QString &fileSuffix, const QString &severity, const QString &text) {
        return std::any_of(problems.cbegin(), problems.cend(), [&](const Problem &p) {
            return p.file.endsWith(fileSuffix) && p.severity == severity && p.message.contains(text, Qt::CaseInsensitive);
        });
    };
    QVERIFY2(has(QStringLiteral("2020-01-05-binary.md"), QStringLiteral("error"), QStringLiteral("binary")), qPrintable(all));
    QVERIFY2(has(QStringLiteral("2020-01-07-broken-front-matter.md"), QStringLiteral("error"), QStringLiteral("front matter")), qPrintable(all));
    QVERIFY2(has(QStringLiteral("2020-01-06-latin1.md"), QStringLiteral("warning"), QStringLiteral("Windows-1252")), qPrintable(all));
    for (const QString &ref : {QStringLiteral("file:///etc/passwd"), QStringLiteral("../../../../etc/passwd"),
                               QStringLiteral("\"/../../etc/passwd\""), QStringLiteral("../../../../../etc/hostname")}) {
        QVERIFY2(has(QStringLiteral("2020-01-03-escape.md"), QStringLiteral("warning"), ref), qPrintable(ref + QLatin1Char('\n') + all));
    }
    QVERIFY2(has(QStringLiteral("2020-01-09-symlink.md"), QStringLiteral("warning"), QStringLiteral("/img/escape.png")), qPrintable(all));
    QVERIFY2(has(QStringLiteral("2020-01-09-symlink.md"), QStringLiteral("warning"), QStringLiteral("/img/secret.png")), qPrintable(all));
    // The escaping links are warnings, not errors: they lose no content.
    QVERIFY2(!has(QStringLiteral("2020-01-03-escape.md"), QStringLiteral("error"), QString()), qPrintable(all));
    // A fine page has nothing to report.
    QVERIFY2(!all.contains(QLatin1String("2020-01-08-fine.md")), qPrintable(all));
}

void TestCommandLineHostile::checkExitsOneOnlyOnErrors_data()
{
    QTest::addColumn<QStringList>("pages");  // of tests/data/hostile's module
    QTest::addColumn<int>("exitCode");
    const QString latin1 = QStringLiteral("2020-01-06-latin1.md");  // a warning: read as Windows-1252
    const QString escape = QStringLiteral("2020-01-03-escape.md");  // warnings: links out of the course
    const QString fine = QStringLiteral("2020-01-08-fine.md");
    QTest::newRow("warnings only") << QStringList{latin1, escape, fine} << 0;
    QTest::newRow("warnings and an error")
        << QStringList{latin1, escape, fine, QStringLiteral("2020-01-07-broken-front-matter.md")} << 1;
}

// README: "--check exits 1 only when a problem loses content". An author's build script
// runs it: warnings are printed for the author, but only an error may fail the build.
void TestCommandLineHostile::checkExitsOneOnlyOnErrors()
{
    QFETCH(QStringList, pages);
    QFETCH(int, exitCode);
    const QString course = m_tmp.filePath(QStringLiteral("check-exit/") + QString::fromLatin1(QTest::currentDataTag()));
    const QString posts = QStringLiteral("/modules/bad/_posts/");
    QVERIFY(QDir().mkpath(course + posts));
    QVERIFY(copyTree(QStringLiteral(TESTDATA_DIR "/hostile/_data"), course + QStringLiteral("/_data")));
    for (const QString &page : pages)
        QVERIFY(QFile::copy(QStringLiteral(TESTDATA_DIR "/hostile") + posts + page, course + posts + page));

    const Run run = runApp({QStringLiteral("--course"), course, QStringLiteral("--check")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    QCOMPARE(run.exitCode, exitCode);
    static const QRegularExpression problem(QStringLiteral("^modules/bad/_posts/([^:]+):\\d+: (error|warning): .+$"));
    QSet<QString> warned, failed;
    for (const QString &line : run.outLines()) {
        const QRegularExpressionMatch m = problem.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("not file:line: severity: message: ") + line));
        (m.captured(2) == QLatin1String("error") ? failed : warned).insert(m.captured(1));
    }
    // Whether or not it fails, every warning is printed.
    QCOMPARE(warned, (QSet<QString>{QStringLiteral("2020-01-06-latin1.md"), QStringLiteral("2020-01-03-escape.md")}));
    QCOMPARE(failed.isEmpty(), exitCode == 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
}

// Each problem's line is the line of the file holding the reference it names: --check
// output is for jumping to the spot in an editor.
void TestCommandLineHostile::hostileCheckLineNumbers()
{
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--check")});
    QVERIFY2(run.ok(), qPrintable(run.describe()));
    static const QRegularExpression located(QStringLiteral("^([^:]+):(\\d+): warning: (?:broken link|missing image) \"([^\"]+)\""));
    int checked = 0;
    for (const QString &line : run.outLines()) {
        const QRegularExpressionMatch m = located.match(line);
        if (!m.hasMatch())
            continue;
        QFile file(m_hostile + QLatin1Char('/') + m.captured(1));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(line));
        const QStringList source = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        const int lineNumber = m.captured(2).toInt();
        QVERIFY2(lineNumber >= 1 && lineNumber <= source.size(), qPrintable(line));
        const QString ref = m.captured(3);
        const QString text = source.at(lineNumber - 1);
        const bool there = text.contains(QLatin1Char('(') + ref + QLatin1Char(')')) || text.contains(QLatin1Char('"') + ref + QLatin1Char('"'))
            || text.contains(QLatin1Char('\'') + ref + QLatin1Char('\''));
        QVERIFY2(there, qPrintable(QStringLiteral("%1\n  but line %2 is: %3").arg(line).arg(lineNumber).arg(text)));
        ++checked;
    }
    QVERIFY(checked >= 5);
}

void TestCommandLineHostile::hostileList()
{
    const QJsonObject course = listCourse(m_hostile);
    QVERIFY(!course.isEmpty());
    QCOMPARE(course.value(QStringLiteral("title")).toString(), QStringLiteral("Hostile Course"));
    const QJsonArray modules = course.value(QStringLiteral("modules")).toArray();
    QCOMPARE(modules.size(), 1);
    QCOMPARE(modules.first().toObject().value(QStringLiteral("id")).toString(), kModule);
    QStringList ids;
    for (const QJsonValue &page : modules.first().toObject().value(QStringLiteral("pages")).toArray()) {
        ids << page.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!page.toObject().value(QStringLiteral("title")).toString().isEmpty());
    }
    QCOMPARE(ids, hostilePageIds());
}

void TestCommandLineHostile::hostileRenderIsSafe_data()
{
    QTest::addColumn<QString>("pageId");
    for (const QString &id : hostilePageIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestCommandLineHostile::hostileRenderIsSafe()
{
    QFETCH(QString, pageId);
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--render"), pageId});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    const QString html = run.outText();
    QVERIFY2(isFullDocument(html), qPrintable(html.left(500)));
    QVERIFY(!firstH1(html).isEmpty());

    auto context = [&html](qsizetype at) { return html.mid(qMax<qsizetype>(0, at - 120), 240); };
    auto forbidText = [&](const QString &needle) {
        const qsizetype at = html.indexOf(needle, 0, Qt::CaseInsensitive);
        return at < 0 ? QString() : QStringLiteral("found \"%1\" in: ...%2...").arg(needle, context(at));
    };
    auto forbidPattern = [&](const QString &pattern) {
        const QRegularExpressionMatch m = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption).match(html);
        return m.hasMatch() ? QStringLiteral("matched /%1/ in: ...%2...").arg(pattern, context(m.capturedStart())) : QString();
    };
    QStringList found;
    found << forbidText(QStringLiteral("<script")) << forbidText(QStringLiteral("onerror="))
          << forbidPattern(QStringLiteral("<[^>]*\\son[a-z]+\\s*=")) << forbidText(QStringLiteral("javascript:"))
          << forbidText(QStringLiteral("<iframe")) << forbidPattern(QStringLiteral("\\ssrc\\s*=\\s*[\"']?\\s*https?:"))
          << forbidPattern(QStringLiteral("\\shref\\s*=\\s*[\"']?\\s*file:"));

    // The document's own <head> holds the app's stylesheet (a course: URL) and its
    // Content-Security-Policy; nothing from the page may add a <link> or an http-equiv.
    const qsizetype headEnd = html.indexOf(QLatin1String("</head>"), 0, Qt::CaseInsensitive);
    QVERIFY(headEnd > 0);
    const QString head = html.left(headEnd);
    const QString body = html.mid(headEnd);
    if (body.contains(QLatin1String("<link"), Qt::CaseInsensitive))
        found << QStringLiteral("<link in the body: ") + body.mid(body.indexOf(QLatin1String("<link"), 0, Qt::CaseInsensitive), 160);
    if (body.contains(QLatin1String("http-equiv"), Qt::CaseInsensitive))
        found << QStringLiteral("http-equiv in the body: ") + body.mid(body.indexOf(QLatin1String("http-equiv"), 0, Qt::CaseInsensitive) - 40, 160);
    static const QRegularExpression link(QStringLiteral("<link\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = link.globalMatch(head); it.hasNext();) {
        const QString tag = it.next().captured(0);
        if (!QRegularExpression(QStringLiteral("\\shref=\"course:")).match(tag).hasMatch())
            found << QStringLiteral("a <link> to something outside the app: ") + tag;
    }
    static const QRegularExpression equiv(QStringLiteral("http-equiv\\s*=\\s*[\"']?([^\"'\\s>]*)"), QRegularExpression::CaseInsensitiveOption);
    for (auto it = equiv.globalMatch(head); it.hasNext();) {
        const QString value = it.next().captured(1);
        if (value.compare(QLatin1String("Content-Security-Policy"), Qt::CaseInsensitive) != 0)
            found << QStringLiteral("http-equiv other than the app's CSP: ") + value;
    }

    // Nothing read from outside the course folder.
    if (html.contains(kOutsideSecret))
        found << QStringLiteral("the content of a file outside the course (through img/secret.png)");
    for (const QString &line : m_passwdLines.split(QLatin1Char('\n'))) {
        if (line.count(QLatin1Char(':')) >= 5 && html.contains(line))
            found << QStringLiteral("a line of /etc/passwd: ") + line;
    }
    if (!m_hostname.isEmpty()) {
        const QRegularExpression word(QStringLiteral("(?<![A-Za-z0-9_.-])") + QRegularExpression::escape(m_hostname) + QStringLiteral("(?![A-Za-z0-9_-])"));
        const QRegularExpressionMatch m = word.match(html);
        if (m.hasMatch())
            found << QStringLiteral("the content of /etc/hostname (%1) in: ...%2...").arg(m_hostname, context(m.capturedStart()));
    }
    found.removeAll(QString());
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));

    // Making a page safe does not mean dropping its text.
    static const QHash<QString, QString> lastSentence = {
        {QStringLiteral("bad/script"), QStringLiteral("The last sentence of the script page is still shown.")},
        {QStringLiteral("bad/remote"), QStringLiteral("The last sentence of the remote page is still shown.")},
        {QStringLiteral("bad/escape"), QStringLiteral("The last sentence of the escape page is still shown.")},
        {QStringLiteral("bad/symlink"), QStringLiteral("The last sentence of the symlink page is still shown.")},
        {QStringLiteral("bad/fine"), QStringLiteral("This perfectly fine page renders without any trouble.")},
    };
    if (lastSentence.contains(pageId))
        QVERIFY2(html.contains(lastSentence.value(pageId)), qPrintable(html.left(3000)));
}

void TestCommandLineHostile::hostileBrokenFrontMatterKeepsBody()
{
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--render"), QStringLiteral("bad/broken-front-matter")});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.outText().contains(QLatin1String("The broken front matter sentence survives the parse error.")), qPrintable(run.outText().left(3000)));
    // The title comes from the file name when the front matter is lost.
    QCOMPARE(firstH1(run.outText()), QStringLiteral("Broken Front Matter"));
}

void TestCommandLineHostile::hostileWindows1252IsDecoded()
{
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--render"), QStringLiteral("bad/latin1")});
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.outText().contains(QStringLiteral("The teacher said \u201Chello\u201D at the caf\u00E9")), qPrintable(run.outText().left(3000)));
    QCOMPARE(firstH1(run.outText()), QStringLiteral("Saved in Windows-1252"));
}

void TestCommandLineHostile::hostileBigPage()
{
    const qint64 size = QFileInfo(m_hostile + QStringLiteral("/modules/bad/_posts/2020-01-04-big.md")).size();
    QVERIFY(size >= 5 * 1024 * 1024);
    const Run run = runApp({QStringLiteral("--course"), m_hostile, QStringLiteral("--render"), QStringLiteral("bad/big")});
    QVERIFY2(run.finished, qPrintable(QStringLiteral("--render of a %1-byte page did not finish within %2 s").arg(size).arg(kTimeoutMs / 1000)));
    QVERIFY2(run.ok() && run.exitCode == 0, qPrintable(run.describe()));
    qInfo("rendering the %lld-byte page took %lld ms and produced %lld bytes", size, run.elapsedMs, qint64(run.out.size()));
    const QString html = run.outText();
    QVERIFY(isFullDocument(html));
    QCOMPARE(firstH1(html), QStringLiteral("A Very Long Page"));
    QVERIFY2(html.contains(kBigPageEnd), "the end of the big page is missing");
    QVERIFY(html.contains(QLatin1String("Week 1: Planning a teen program")));
}

QTEST_GUILESS_MAIN(TestCommandLineHostile)
#include "tst_command_line_hostile.moc"
