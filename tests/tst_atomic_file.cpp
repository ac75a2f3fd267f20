// Every export and answers file goes through AtomicFile: whole or not at all, and only to a
// regular file or a new path.
#include "AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>

class TestAtomicFile : public QObject
{
    Q_OBJECT
private slots:
    void replacesWhole();
    void fullDiskKeepsThePreviousFile();
    void unwritableFolderSaysWhy();
    void refusesWhatIsNotAFile_data();
    void refusesWhatIsNotAFile();
    void writesThroughALinkToAFile();

private:
    QString previousFile(const QString &name);
    QTemporaryDir m_dir;
};

QString TestAtomicFile::previousFile(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("last week's handout");
    return path;
}

void TestAtomicFile::replacesWhole()
{
    const QString path = previousFile(QStringLiteral("replaced.docx"));
    QString reason;
    const QByteArray data(200 * 1024, 'x');
    QVERIFY2(AtomicFile::write(path, data, &reason), qPrintable(reason));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), data);
}

// A full disk as a writer meets it: a file size limit makes writes past 16 KB fail (EFBIG;
// the SIGXFSZ ignored). Buffered, QSaveFile would have renamed a truncated file into place.
void TestAtomicFile::fullDiskKeepsThePreviousFile()
{
    const QString folder = m_dir.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = previousFile(QStringLiteral("full/handout.pdf"));

    rlimit original{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = original;
    limited.rlim_cur = 16 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString reason;
    const bool small = AtomicFile::write(folder + QStringLiteral("/small.txt"), QByteArray(1024, 's'), &reason);
    const bool large = AtomicFile::write(path, QByteArray(64 * 1024, 'x'), &reason);
    setrlimit(RLIMIT_FSIZE, &original);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(small);  // the limit, not the code, is what fails
    QVERIFY(!large);
    QVERIFY2(reason.contains(QStringLiteral("disk full")), qPrintable(reason));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("last week's handout"));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList({QStringLiteral("handout.pdf"), QStringLiteral("small.txt")}));
}

void TestAtomicFile::unwritableFolderSaysWhy()
{
    QString reason;
    QVERIFY(!AtomicFile::write(m_dir.filePath(QStringLiteral("no/such/folder/x.docx")), "data", &reason));
    QVERIFY(!reason.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no"))));
}

void TestAtomicFile::refusesWhatIsNotAFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.pdf"));
    ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
    const QString deviceLink = m_dir.filePath(QStringLiteral("null.docx"));
    QFile::link(QStringLiteral("/dev/null"), deviceLink);
    const QString folder = m_dir.filePath(QStringLiteral("folder.json"));
    QDir().mkpath(folder);
    QTest::newRow("/dev/null") << QStringLiteral("/dev/null") << QStringLiteral("it is a device, not a file (choose a file name)");
    QTest::newRow("/dev/full") << QStringLiteral("/dev/full") << QStringLiteral("it is a device, not a file (choose a file name)");
    QTest::newRow("a link to /dev/null") << deviceLink << QStringLiteral("it is a device, not a file (choose a file name)");
    QTest::newRow("a named pipe") << fifo << QStringLiteral("it is a named pipe, not a file (choose a file name)");
    QTest::newRow("a folder") << folder << QStringLiteral("it is a folder, not a file");
    QTest::newRow("no name") << QString() << QStringLiteral("no file name was given");
}

// Refused before anything is opened (a pipe would block), and left as it was: the rename
// would have put a plain file in its place, /dev/null itself as root.
void TestAtomicFile::refusesWhatIsNotAFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    struct stat before {};
    const QByteArray encoded = QFile::encodeName(path);
    const bool existed = ::lstat(encoded.constData(), &before) == 0;
    QString error;
    QVERIFY(!AtomicFile::write(path, "replaced", &error));
    QCOMPARE(error, reason);
    QCOMPARE(AtomicFile::targetProblem(path), reason);
    struct stat after {};
    if (existed) {
        QCOMPARE(::lstat(encoded.constData(), &after), 0);
        QCOMPARE(after.st_mode, before.st_mode);
        QCOMPARE(after.st_ino, before.st_ino);
    }
    QVERIFY(::stat("/dev/null", &after) == 0 && S_ISCHR(after.st_mode));
}

// A link to a file is written through, as editors do: the file it leads to gets the new
// contents whole and the link stays a link; a link to nothing yet makes its target.
void TestAtomicFile::writesThroughALinkToAFile()
{
    const QString real = previousFile(QStringLiteral("real-handout.docx"));
    const QString link = m_dir.filePath(QStringLiteral("handout-link.docx"));
    QVERIFY(QFile::link(real, link));
    QString error;
    QVERIFY2(AtomicFile::write(link, "this week's handout", &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QFile file(real);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("this week's handout"));

    const QString dangling = m_dir.filePath(QStringLiteral("to-be.json"));
    const QString target = m_dir.filePath(QStringLiteral("made-through-a-link.json"));
    QVERIFY(QFile::link(target, dangling));
    QVERIFY2(AtomicFile::write(dangling, "new", &error), qPrintable(error));
    QVERIFY(QFileInfo(dangling).isSymLink());
    QVERIFY(QFileInfo(target).isFile());
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
