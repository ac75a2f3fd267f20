// Links to a course's own files, clicked in the reading window as a learner clicks them:
// a launcher, a script or a program is never handed to the desktop, a document only after
// the learner said Open (once per course folder), and web links still go to the browser.
// What reaches the desktop is caught with Qt's own hook for a URL scheme.

#include "ActivityPanel.h"
#include "DocumentSamples.h"
#include "MainWindow.h"
#include "PageView.h"
#include "TestFiles.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>

#include <memory>

namespace {

constexpr int kLoadTimeout = 30000;

const QByteArray kPage = R"(---
title: Handouts
---
Before the session, look at these.

- [Course notes](files/notes.desktop)
- [Handout](files/handout.pdf)
- [Worksheet](files/worksheet.odt)
- [Notes](files/notes.pdf)
- [Library website](https://example.org/library)

<div class="activity" markdown="1">
### Read the handout

Read [the reading](files/reading.pdf) first, then [the notes](files/notes.desktop). What stood out?
</div>
)";

const QByteArray kLauncher = "[Desktop Entry]\nType=Application\nName=Course notes\nExec=sh -c 'touch /tmp/ran'\n";

QMessageBox *visibleMessageBox()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible())
            return box;
    }
    return nullptr;
}

QMessageBox *waitForMessageBox()
{
    QMessageBox *box = nullptr;
    return QTest::qWaitFor([&] { return (box = visibleMessageBox()) != nullptr; }, 10000) ? box : nullptr;
}

}  // namespace

// Stands in for the desktop's opener: Qt hands it every URL of the schemes it took.
class DesktopOpener : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestCourseFileLinks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void launcherIsNeverHandedOver();
    void launcherNamedLikeADocumentIsRefused();
    void documentOpensOnlyAfterOpen();
    void anotherCourseFolderAsksAgain();
    void promptLinksInTheWorkbook();
    void webLinksStillOpenInTheBrowser();

private:
    void writeCourse(const QString &root);
    std::unique_ptr<MainWindow> openWindow(const QString &root);
    // Clicks the page's link whose address ends with `target`, with the mouse, where it shows.
    bool clickLink(MainWindow &window, const QString &target);
    // Tabs through the activity prompt's links to the one reading `text`, then presses Enter.
    bool activatePromptLink(MainWindow &window, const QString &text);
    // Answers a box with a key, typed where its keyboard focus is; false if it stayed open.
    static bool answer(QMessageBox *box, Qt::Key key);
    QString path(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }

    DesktopOpener m_desktop;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestCourseFileLinks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    for (const char *scheme : {"file", "http", "https", "mailto"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), &m_desktop, "open");
}

void TestCourseFileLinks::cleanupTestCase()
{
    for (const char *scheme : {"file", "http", "https", "mailto"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void TestCourseFileLinks::init()
{
    QSettings().clear();
    m_desktop.opened.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = QDir(m_dir->path()).canonicalPath() + QStringLiteral("/library-course");
    writeCourse(m_root);
}

void TestCourseFileLinks::cleanup()
{
    while (QMessageBox *box = visibleMessageBox())
        box->close();
    QSettings().clear();
    m_dir.reset();
}

void TestCourseFileLinks::writeCourse(const QString &root)
{
    QVERIFY(QDir().mkpath(root + QStringLiteral("/files")));
    QVERIFY(TestFiles::write(root + QStringLiteral("/1-handouts.md"), kPage));
    const auto write = [&root](const char *relative, const QByteArray &bytes) {
        const QString file = root + QLatin1Char('/') + QLatin1String(relative);
        // As a course unpacked from a zip has them: everything executable.
        return TestFiles::write(file, bytes)
            && QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                               | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                               | QFileDevice::ExeOther);
    };
    QVERIFY(write("files/notes.desktop", kLauncher));
    QVERIFY(write("files/notes.pdf", kLauncher));
    QVERIFY(write("files/handout.pdf", DocumentSamples::pdf()));
    QVERIFY(write("files/reading.pdf", DocumentSamples::pdf()));
    QVERIFY(write("files/worksheet.odt", DocumentSamples::odt()));
}

std::unique_ptr<MainWindow> TestCourseFileLinks::openWindow(const QString &root)
{
    auto window = std::make_unique<MainWindow>(root, QString(), m_dir->path() + QStringLiteral("/data"));
    QSignalSpy loaded(window->pageView(), &QWebEngineView::loadFinished);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    const QString first = window->course().pageCount() ? window->course().pages().first()->id : QString();
    if (!QTest::qWaitFor([&] { return !first.isEmpty() && window->currentPageId() == first && !loaded.isEmpty(); }, kLoadTimeout))
        qWarning("the course's page did not load");
    return window;
}

bool TestCourseFileLinks::clickLink(MainWindow &window, const QString &target)
{
    bool done = false;
    QVariant centre;
    const QString script = QStringLiteral("(function(){const a=document.querySelector('a[href$=\"%1\"]');"
                                          "if(!a)return null;a.scrollIntoView({block:'center'});"
                                          "const r=a.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2];})()")
                               .arg(target);
    window.pageView()->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        centre = value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000) || centre.toList().size() != 2)
        return false;
    const double zoom = window.pageView()->zoomFactor();
    const QPoint point(qRound(centre.toList().at(0).toDouble() * zoom), qRound(centre.toList().at(1).toDouble() * zoom));
    QWidget *surface = window.pageView()->focusProxy();
    if (!surface)
        return false;
    QTest::mouseClick(surface, Qt::LeftButton, Qt::NoModifier, point);
    return true;
}

bool TestCourseFileLinks::activatePromptLink(MainWindow &window, const QString &text)
{
    const QList<ActivityPanel *> panels = window.findChildren<ActivityPanel *>();
    auto *prompt = panels.isEmpty() ? nullptr : panels.first()->findChild<QLabel *>(QStringLiteral("prompt"));
    if (!prompt)
        return false;
    prompt->setFocus(Qt::TabFocusReason);
    // Tab walks the prompt's links; the one with the keyboard focus shows selected.
    for (int i = 0; i < 5 && prompt->selectedText() != text; ++i)
        QTest::keyClick(prompt, Qt::Key_Tab);
    if (prompt->selectedText() != text)
        return false;
    QTest::keyClick(prompt, Qt::Key_Return);
    return true;
}

bool TestCourseFileLinks::answer(QMessageBox *box, Qt::Key key)
{
    if (!box)
        return false;
    box->activateWindow();  // no window manager does it here
    // The box must take the keyboard, as a learner who cannot use a mouse needs.
    QWidget *focus = nullptr;
    if (!QTest::qWaitFor([&] {
            focus = QApplication::focusWidget();
            return focus && (focus == box || box->isAncestorOf(focus));
        }, 5000))
        return false;
    QTest::keyClick(focus, key);
    const QPointer<QMessageBox> watched(box);
    return QTest::qWaitFor([&] { return !watched || !watched->isVisible(); }, 5000);
}

void TestCourseFileLinks::launcherIsNeverHandedOver()
{
    auto window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("files/notes.desktop")));
    QMessageBox *box = waitForMessageBox();
    QVERIFY2(box, "no message said why the launcher did not open");
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QVERIFY2(box->text().contains(QStringLiteral("notes.desktop")) && box->text().contains(QStringLiteral("desktop launcher")),
             qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(QStringLiteral("only documents")));
    QVERIFY(answer(box, Qt::Key_Return));  // OK
    QTest::qWait(200);
    QCOMPARE(m_desktop.opened, QList<QUrl>());
    QVERIFY(!visibleMessageBox());  // no question came after it
}

void TestCourseFileLinks::launcherNamedLikeADocumentIsRefused()
{
    // Trusting the course does not make a launcher a document, whatever its name.
    auto window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("files/handout.pdf")));
    QVERIFY(answer(waitForMessageBox(), Qt::Key_Return));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened.size(), 1, 5000);

    QVERIFY(clickLink(*window, QStringLiteral("files/notes.pdf")));
    QMessageBox *box = waitForMessageBox();
    QVERIFY2(box, "no message said why the launcher named .pdf did not open");
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QVERIFY2(box->text().contains(QStringLiteral("desktop launcher")) && box->text().contains(QStringLiteral("look like a PDF document")),
             qPrintable(box->text()));
    QVERIFY(answer(box, Qt::Key_Escape));
    QTest::qWait(200);
    QCOMPARE(m_desktop.opened.size(), 1);
}

void TestCourseFileLinks::documentOpensOnlyAfterOpen()
{
    auto window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("files/handout.pdf")));
    QMessageBox *box = waitForMessageBox();
    QVERIFY2(box, "the first file of a course opened without asking");
    QCOMPARE(box->text(), QStringLiteral("Open \u201chandout.pdf\u201d (PDF document) in your default app?"));
    QVERIFY(box->defaultButton());
    QCOMPARE(box->defaultButton()->text(), QStringLiteral("&Open"));
    QVERIFY(answer(box, Qt::Key_Escape));
    QTest::qWait(200);
    QCOMPARE(m_desktop.opened, QList<QUrl>());

    // Cancel was not remembered: the next click asks again, and Enter opens.
    QVERIFY(clickLink(*window, QStringLiteral("files/handout.pdf")));
    box = waitForMessageBox();
    QVERIFY2(box, "a cancelled question was not asked again");
    QVERIFY(answer(box, Qt::Key_Return));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened, QList<QUrl>{QUrl::fromLocalFile(path(QStringLiteral("files/handout.pdf")))}, 5000);

    // The second file of the same course opens straight away.
    QVERIFY(clickLink(*window, QStringLiteral("files/worksheet.odt")));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened.size(), 2, 5000);
    QCOMPARE(m_desktop.opened.last(), QUrl::fromLocalFile(path(QStringLiteral("files/worksheet.odt"))));
    QVERIFY(!visibleMessageBox());
}

void TestCourseFileLinks::anotherCourseFolderAsksAgain()
{
    auto window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("files/handout.pdf")));
    QVERIFY(answer(waitForMessageBox(), Qt::Key_Return));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened.size(), 1, 5000);
    window.reset();

    // The same course in another folder (a copy, or someone else's) is asked about afresh.
    const QString copy = QDir(m_dir->path()).canonicalPath() + QStringLiteral("/downloaded-copy");
    writeCourse(copy);
    window = openWindow(copy);
    QVERIFY(clickLink(*window, QStringLiteral("files/handout.pdf")));
    QMessageBox *box = waitForMessageBox();
    QVERIFY2(box, "a course in another folder was trusted without asking");
    QVERIFY(answer(box, Qt::Key_Escape));
    QTest::qWait(200);
    QCOMPARE(m_desktop.opened.size(), 1);

    // The first folder is still trusted after a restart.
    window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("files/worksheet.odt")));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened.size(), 2, 5000);
    QVERIFY(!visibleMessageBox());
}

void TestCourseFileLinks::promptLinksInTheWorkbook()
{
    auto window = openWindow(m_root);
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChildren<ActivityPanel *>().isEmpty(), 10000);
    QVERIFY(activatePromptLink(*window, QStringLiteral("the notes")));
    QMessageBox *box = waitForMessageBox();
    QVERIFY2(box, "the prompt's launcher link gave no message");
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QVERIFY2(box->text().contains(QStringLiteral("desktop launcher")), qPrintable(box->text()));
    QVERIFY(answer(box, Qt::Key_Return));

    QVERIFY(activatePromptLink(*window, QStringLiteral("the reading")));
    box = waitForMessageBox();
    QVERIFY2(box, "the prompt's document opened without asking");
    QVERIFY2(box->text().contains(QStringLiteral("reading.pdf")), qPrintable(box->text()));
    QVERIFY(answer(box, Qt::Key_Return));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened, QList<QUrl>{QUrl::fromLocalFile(path(QStringLiteral("files/reading.pdf")))}, 5000);
}

void TestCourseFileLinks::webLinksStillOpenInTheBrowser()
{
    auto window = openWindow(m_root);
    QVERIFY(clickLink(*window, QStringLiteral("example.org/library")));
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop.opened, QList<QUrl>{QUrl(QStringLiteral("https://example.org/library"))}, 5000);
    QVERIFY(!visibleMessageBox());
}

QTEST_MAIN(TestCourseFileLinks)
#include "tst_gui_course_file_links.moc"
