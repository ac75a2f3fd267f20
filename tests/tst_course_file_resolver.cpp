#include "CourseFileReader.h"
#include "CourseFileResolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// The path jail behind every course: file request: nothing outside the course root.
class TestCourseFileResolver : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = QDir(m_dir.path()).canonicalPath() + QStringLiteral("/course");
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/img")));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/docs")));
        write(m_root + QStringLiteral("/img/a b.png"), "png");
        write(m_root + QStringLiteral("/docs/sheet.docx"), "docx");
        write(m_dir.path() + QStringLiteral("/secret.txt"), "secret");
        QVERIFY(QFile::link(m_dir.path() + QStringLiteral("/secret.txt"), m_root + QStringLiteral("/img/out.png")));
        QVERIFY(QFile::link(QStringLiteral("/etc"), m_root + QStringLiteral("/etc-link")));
        QVERIFY(QFile::link(m_root + QStringLiteral("/docs/sheet.docx"), m_root + QStringLiteral("/img/in.docx")));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");  // relative to the root, or "" when refused
        QTest::addColumn<QString>("why");
        QTest::newRow("plain file") << "img/a b.png" << "img/a b.png" << "";
        QTest::newRow("nested") << "docs/sheet.docx" << "docs/sheet.docx" << "";
        QTest::newRow("link inside the course") << "img/in.docx" << "docs/sheet.docx" << "";
        QTest::newRow("dot dot") << "../secret.txt" << "" << "outside the course folder";
        QTest::newRow("dot dot in the middle") << "img/../../secret.txt" << "" << "outside the course folder";
        QTest::newRow("backslash dot dot") << "img\\..\\..\\secret.txt" << "" << "outside the course folder";
        QTest::newRow("absolute") << "/etc/passwd" << "" << "outside the course folder";
        QTest::newRow("link to a file outside") << "img/out.png" << "" << "outside the course folder";
        QTest::newRow("link to a folder outside") << "etc-link/passwd" << "" << "outside the course folder";
        QTest::newRow("missing") << "img/none.png" << "" << "no such file";
        QTest::newRow("folder") << "img" << "" << "not a file";
        QTest::newRow("empty") << "" << "" << "outside the course folder";
    }
    void resolve()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFETCH(QString, why);
        QString reason;
        const QString resolved = CourseFileResolver(m_root).resolve(path, &reason);
        QCOMPARE(resolved, expected.isEmpty() ? QString() : m_root + QLatin1Char('/') + expected);
        if (!why.isEmpty())
            QCOMPARE(reason, why);
    }

    void siblingWithCommonPrefixIsOutside()
    {
        // "/x/course-old" starts with "/x/course" as a string but is not inside it.
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("-old")));
        write(m_root + QStringLiteral("-old/f.txt"), "old");
        QVERIFY(QFile::link(m_root + QStringLiteral("-old/f.txt"), m_root + QStringLiteral("/sibling.txt")));
        QVERIFY(CourseFileResolver(m_root).resolve(QStringLiteral("sibling.txt")).isEmpty());
    }

    // CourseFileReader reads through the resolver: what it reads, and what it refuses and why.
    void reader_data()
    {
        QTest::addColumn<QString>("root");  // empty: the test's course
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("bytes");  // what is read; empty when refused
        QTest::addColumn<QString>("problem");   // a part of the refusal
        QTest::newRow("file") << "" << "docs/sheet.docx" << QByteArray("docx") << "";
        QTest::newRow("link inside") << "" << "img/in.docx" << QByteArray("docx") << "";
        QTest::newRow("link to a file outside") << "" << "img/out.png" << QByteArray() << "is a link to a file outside the course folder";
        QTest::newRow("in a linked folder outside") << "" << "etc-link/passwd" << QByteArray() << "is in a linked folder outside";
        QTest::newRow("dot dot") << "" << "../secret.txt" << QByteArray() << "is outside the course folder";
        QTest::newRow("fifo") << "" << "pipe.md" << QByteArray() << "is not a regular file (a FIFO)";
        QTest::newRow("folder") << "" << "img" << QByteArray() << "is not a regular file (a folder)";
        QTest::newRow("over the limit") << "" << "big.md" << QByteArray() << "is 0.0 MB; files over 0.0 MB are not read";
        QTest::newRow("at the limit") << "" << "limit.md" << QByteArray(64, 'a') << "";
        // A device inside a course would be refused as such (here /dev is the course).
        QTest::newRow("device") << "/dev" << "zero" << QByteArray() << "is not a regular file (a character device)";
        QTest::newRow("missing") << "" << "none.md" << QByteArray() << "no such file";
    }
    void reader()
    {
        QFETCH(QString, root);
        QFETCH(QString, path);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        if (!QFileInfo::exists(m_root + QStringLiteral("/pipe.md")))
            QCOMPARE(::mkfifo(QFile::encodeName(m_root + QStringLiteral("/pipe.md")).constData(), 0600), 0);
        write(m_root + QStringLiteral("/big.md"), QByteArray(65, 'a'));
        write(m_root + QStringLiteral("/limit.md"), QByteArray(64, 'a'));
        const CourseFileReader::Result result = CourseFileReader(root.isEmpty() ? m_root : root, 64).read(path);
        QCOMPARE(result.bytes, bytes);
        QCOMPARE(result.isRead(), problem.isEmpty());
        QVERIFY2(result.problem.contains(problem), qPrintable(result.problem));
    }

private:
    static void write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

    QTemporaryDir m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestCourseFileResolver)
#include "tst_course_file_resolver.moc"
