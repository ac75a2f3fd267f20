// Which course files Coursebook hands to the desktop's opener: documents only, judged by
// what they hold. Every file is real, written here with the mode a course folder gives it.

#include "CourseFileKind.h"
#include "DocumentSamples.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

constexpr auto kExecutable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;  // 755

const QByteArray kLauncher = "[Desktop Entry]\nType=Application\nName=Course notes\nExec=sh -c 'touch /tmp/ran'\nIcon=text-x-generic\n";
const QByteArray kScript = "#!/bin/sh\ntouch \"$HOME/ran\"\n";

}  // namespace

class TestCourseFileKind : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString base = QDir(m_dir.path()).canonicalPath();
        m_root = base + QStringLiteral("/course");
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/files")));
        write(QStringLiteral("files/notes.desktop"), kLauncher, true);
        write(QStringLiteral("files/notes.txt.desktop"), kLauncher, false);
        write(QStringLiteral("files/launcher.txt"), kLauncher, false);
        write(QStringLiteral("files/setup.sh"), kScript, true);
        write(QStringLiteral("files/setup"), kScript, true);
        write(QStringLiteral("files/notes.pdf"), kScript, false);
        write(QStringLiteral("files/odd-interpreter.txt"), "#! /opt/odd/interpreter\nrun\n", false);
        write(QStringLiteral("files/get-started"), "rm -rf \"$HOME/Documents\"\n", true);
        write(QStringLiteral("files/session-plan"), "Read the handout first.\n", false);
        QVERIFY(QFile::copy(QStringLiteral("/bin/true"), m_root + QStringLiteral("/files/tool")));
        QVERIFY(QFile::copy(QStringLiteral("/bin/true"), m_root + QStringLiteral("/files/tool.pdf")));
        write(QStringLiteral("files/handout.pdf"), DocumentSamples::pdf(), false);
        write(QStringLiteral("files/unzipped.pdf"), DocumentSamples::pdf(), true);
        write(QStringLiteral("files/garbage.pdf"), QByteArray::fromHex("00fe13377a9c") + QByteArray(200, '\x01'), false);
        write(QStringLiteral("files/picture.png"), DocumentSamples::png(), false);
        write(QStringLiteral("files/worksheet.docx"), DocumentSamples::docx(), false);
        write(QStringLiteral("files/worksheet.odt"), DocumentSamples::odt(), false);
        write(QStringLiteral("files/worksheet.docm"), DocumentSamples::docx(), false);
        write(QStringLiteral("files/reading.txt"), "Read chapter two before the session.\n", true);
        write(QStringLiteral("files/scores.csv"), "name,score\nAda,3\n", false);
        write(QStringLiteral("files/page.html"), "<!DOCTYPE html><html><body><script>fetch('file:///etc/passwd')</script></body></html>", false);
        write(QStringLiteral("files/empty.txt"), QByteArray(), false);
        QVERIFY(TestFiles::write(base + QStringLiteral("/elsewhere.pdf"), DocumentSamples::pdf()));
        QVERIFY(QFile::link(base + QStringLiteral("/elsewhere.pdf"), m_root + QStringLiteral("/files/linked.pdf")));
        QVERIFY(QFile::link(m_root + QStringLiteral("/files/setup.sh"), m_root + QStringLiteral("/files/shortcut.pdf")));
    }

    void documentsOpen_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("PDF") << "files/handout.pdf" << "application/pdf";
        // Folders unpacked from a zip are executable throughout; a PDF still opens in a viewer.
        QTest::newRow("PDF marked executable") << "files/unzipped.pdf" << "application/pdf";
        QTest::newRow("PNG") << "files/picture.png" << "image/png";
        QTest::newRow("Word file") << "files/worksheet.docx" << "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        QTest::newRow("OpenDocument text") << "files/worksheet.odt" << "application/vnd.oasis.opendocument.text";
        QTest::newRow("text marked executable") << "files/reading.txt" << "text/plain";
        QTest::newRow("text without a name") << "files/session-plan" << "text/plain";
        QTest::newRow("CSV") << "files/scores.csv" << "text/csv";
    }
    void documentsOpen()
    {
        QFETCH(QString, file);
        QFETCH(QString, mimeType);
        const CourseFileKind kind = CourseFileKind::of(m_root, file);
        QVERIFY2(kind.isDocument(), qPrintable(kind.refusal));
        QCOMPARE(kind.mimeType, mimeType);
        QCOMPARE(kind.description, QMimeDatabase().mimeTypeForName(mimeType).comment());
        QCOMPARE(kind.path, m_root + QLatin1Char('/') + file);
        QVERIFY(kind.refusal.isEmpty());
    }

    void pdfIsDescribedInWords()
    {
        QCOMPARE(CourseFileKind::of(m_root, QStringLiteral("files/handout.pdf")).description, QStringLiteral("PDF document"));
        QCOMPARE(CourseFileKind::of(m_root, QStringLiteral("files/handout.pdf")).fileName, QStringLiteral("handout.pdf"));
    }

    void othersAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("description");  // "" when there is nothing to describe
        QTest::addColumn<QStringList>("refusalSays");
        const auto says = [](std::initializer_list<const char *> words) {
            QStringList list;
            for (const char *word : words)
                list << QString::fromUtf8(word);
            return list;
        };
        QTest::newRow("launcher, mode 755") << "files/notes.desktop" << "desktop entry" << says({"notes.desktop", "desktop launcher", "start a program"});
        QTest::newRow("launcher not executable") << "files/notes.txt.desktop" << "desktop entry" << says({"desktop launcher"});
        QTest::newRow("launcher named .txt") << "files/launcher.txt" << "desktop entry" << says({"desktop launcher", "plain text document"});
        QTest::newRow("shell script") << "files/setup.sh" << "shell script" << says({"setup.sh", "a script", "run its commands"});
        QTest::newRow("shell script without extension") << "files/setup" << "shell script" << says({"a script"});
        QTest::newRow("script named .pdf") << "files/notes.pdf" << "shell script" << says({"a script", "look like a PDF document"});
        QTest::newRow("#! with an unknown interpreter") << "files/odd-interpreter.txt" << "script" << says({"a script"});
        QTest::newRow("executable text without a name") << "files/get-started" << "plain text document" << says({"marked as a program"});
        QTest::newRow("program") << "files/tool" << "executable" << says({"tool", "a program"});
        QTest::newRow("program named .pdf") << "files/tool.pdf" << "executable" << says({"a program", "look like a PDF document"});
        QTest::newRow("PDF name, unknown bytes") << "files/garbage.pdf" << "PDF document" << says({"cannot tell"});
        QTest::newRow("macro-enabled Word file") << "files/worksheet.docm" << "Word document" << says({"not a document"});
        QTest::newRow("web page") << "files/page.html" << "HTML document" << says({"web page", "scripts"});
        QTest::newRow("empty") << "files/empty.txt" << "" << says({"empty"});
        QTest::newRow("link to a PDF outside the course") << "files/linked.pdf" << "" << says({"not a file inside the course folder"});
        QTest::newRow("link named .pdf to a script inside") << "files/shortcut.pdf" << "shell script" << says({"setup.sh", "a script"});
        QTest::newRow("dot dot") << "../elsewhere.pdf" << "" << says({"not a file inside the course folder"});
        QTest::newRow("absolute path") << "/bin/true" << "" << says({"not a file inside the course folder"});
        QTest::newRow("missing") << "files/none.pdf" << "" << says({"not a file inside the course folder"});
    }
    void othersAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, description);
        QFETCH(QStringList, refusalSays);
        const CourseFileKind kind = CourseFileKind::of(m_root, file);
        QVERIFY2(!kind.isDocument(), qPrintable(kind.mimeType));
        QCOMPARE(kind.description, description);
        for (const QString &words : refusalSays)
            QVERIFY2(kind.refusal.contains(words), qPrintable(QStringLiteral("\"%1\" does not say \"%2\"").arg(kind.refusal, words)));
    }

    void fifoIsNeverRead()
    {
        // Named like a document; reading it would wait for a writer forever.
        const QString fifo = m_root + QStringLiteral("/files/stream.pdf");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        const CourseFileKind kind = CourseFileKind::ofFile(fifo);
        QVERIFY(!kind.isDocument());
        QVERIFY2(kind.refusal.contains(QStringLiteral("not a regular file")), qPrintable(kind.refusal));
        QVERIFY(!CourseFileKind::of(m_root, QStringLiteral("files/stream.pdf")).isDocument());
    }

private:
    void write(const QString &relative, const QByteArray &bytes, bool executable)
    {
        const QString path = m_root + QLatin1Char('/') + relative;
        QVERIFY(TestFiles::write(path, bytes));
        if (executable)
            QVERIFY(QFile::setPermissions(path, kExecutable));
    }

    QTemporaryDir m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestCourseFileKind)
#include "tst_course_file_kind.moc"
