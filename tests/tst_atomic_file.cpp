// Every export and answers file goes through AtomicFile: whole or not at all.
#include "AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>

class TestAtomicFile : public QObject
{
    Q_OBJECT
private slots:
    void replacesWhole();
    void fullDiskKeepsThePreviousFile();
    void unwritableFolderSaysWhy();

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

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
