#include "AnswerStore.h"
#include "MainWindow.h"
#include "PageView.h"
#include "WorkbookFile.h"
#include "WorkbookFileController.h"
#include "WorkbookViewDock.h"

#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QMessageBox>
#include <QTextBrowser>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
// Types `text` as key presses carrying their characters (QTest::keyClicks knows ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

// A learner's workbook saved by the command line from the sample answers, as they would
// hand it in: three answers (the course's KWL, a reflection, the self-assessment).
QString savedWorkbook(const QString &folder, const QString &owner)
{
    QTemporaryDir data;
    const QString target = QDir(folder).filePath(owner + QStringLiteral(".coursebook"));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--import-answers"), QStringLiteral(BUNDLED_COURSE_DIR "/../docs/sample-answers.json")},
          QStringList{QStringLiteral("--save-workbook"), target, QStringLiteral("--owner"), owner}}) {
        QProcess app;
        app.start(QStringLiteral(COURSEBOOK_APP_PATH), QStringList{QStringLiteral("--data-dir"), data.path()} + arguments);
        if (!app.waitForFinished(60000) || app.exitCode() != 0)
            return QString();
    }
    return target;
}

// Answers each modal dialog once it is up (shown, active, its focus inside), from inside its
// own loop, as a person would. Someone whose Enter did not take (a completion list can
// swallow it) presses it again; a dialog nobody could answer is closed after a minute, so
// the test fails rather than hangs.
class DialogDriver : public QObject
{
public:
    explicit DialogDriver(std::function<void(QWidget *)> answer)
        : m_answer(std::move(answer))
    {
        m_timer.setInterval(100);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || QApplication::activeWindow() != modal || !modal->isAncestorOf(QApplication::focusWidget()))
                return;
            if (modal != m_last) {
                m_last = modal;
                m_since.start();
                m_retries = 0;
                m_answer(modal);
            } else if (m_since.hasExpired(60000)) {
                qWarning("DialogDriver: %s was left open; closing it", modal->metaObject()->className());
                qobject_cast<QDialog *>(modal)->reject();
            } else if (m_since.elapsed() / 3000 > m_retries) {
                ++m_retries;
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            }
        });
        m_timer.start();
    }

private:
    std::function<void(QWidget *)> m_answer;
    QTimer m_timer;
    QPointer<QWidget> m_last;
    QElapsedTimer m_since;
    qint64 m_retries = 0;
};

void typeIntoFileDialog(QWidget *modal, const QString &text)
{
    auto *files = qobject_cast<QFileDialog *>(modal);
    QVERIFY(files);
    QLineEdit *field = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(field);
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}
}  // namespace

// File ▸ Save Workbook As… driven by the keyboard: Ctrl+Shift+S, the learner's name, the
// file's name, Enter; the file then holds their answers under that name.
class TestWorkbookFileWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ctrlShiftSSavesTheWorkbookUnderTheLearnersName()
    {
        QSettings().clear();
        QTemporaryDir data;
        QTemporaryDir out;
        QProcess import;  // three answers in the store, as a learner who wrote them has
        import.start(QStringLiteral(COURSEBOOK_APP_PATH),
                     {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--import-answers"),
                      QStringLiteral(BUNDLED_COURSE_DIR "/../docs/sample-answers.json")});
        QVERIFY(import.waitForFinished(60000));
        QCOMPARE(import.exitCode(), 0);

        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), data.path());
        WorkbookFileController controller(&window);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        const QString target = out.filePath(QStringLiteral("ana.coursebook"));
        QStringList answered;  // the dialogs, in the order they came
        auto driver = std::make_unique<DialogDriver>([&](QWidget *modal) {
            if (auto *input = qobject_cast<QInputDialog *>(modal)) {
                answered << QStringLiteral("name");
                QLineEdit *field = input->findChild<QLineEdit *>();
                field->selectAll();
                typeText(field, QStringLiteral("Ana Ñúñez"));
                QTest::keyClick(field, Qt::Key_Return);
            } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
                answered << QStringLiteral("file");
                QLineEdit *field = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                QVERIFY(field);
                QVERIFY2(field->text().startsWith(QStringLiteral("Ana")), qPrintable(field->text()));  // named after the learner
                typeIntoFileDialog(files, target);
            }
        });
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target), 20000);
        driver.reset();
        QCOMPARE(answered, (QStringList{QStringLiteral("name"), QStringLiteral("file")}));

        Workbook workbook;
        QString error;
        QVERIFY2(WorkbookFile::load(target, window.course().id, &workbook, &error), qPrintable(error));
        QCOMPARE(workbook.owner, QStringLiteral("Ana Ñúñez"));
        QCOMPARE(workbook.answers.size(), 3);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("ana.coursebook")));
        QCOMPARE(QSettings().value(QStringLiteral("workbookFile/owner")).toString(), QStringLiteral("Ana Ñúñez"));  // asked once
    }

    // A facilitator opens Ben's file with File ▸ Open File… (Ctrl+Shift+O): his work shows
    // read-only beside the course, its links lead to the pages he answered, and the
    // facilitator's own answers stay as they were (none).
    void fileOpenShowsAWorkbookReadOnlyBesideTheCourse()
    {
        QSettings().clear();
        QTemporaryDir data;
        QTemporaryDir room;
        const QString ben = savedWorkbook(room.path(), QStringLiteral("Ben"));
        QVERIFY(!ben.isEmpty());

        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("home"), data.path());
        WorkbookFileController controller(&window);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), QStringLiteral("home"), 20000);

        DialogDriver driver([&](QWidget *modal) { typeIntoFileDialog(modal, ben); });
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(controller.workbookView(ben), 20000);
        WorkbookViewDock *dock = controller.workbookView(ben);
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(dock->windowTitle(), QStringLiteral("Ben's Workbook (read-only)"));
        QTextBrowser *browser = dock->browser();
        QVERIFY(browser->isReadOnly());
        // Where the keyboard can read it (the window's focus, once the dialog has given it back).
        QTRY_COMPARE(window.focusWidget(), browser);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(QApplication::focusWidget(), browser);
        QVERIFY(!browser->toPlainText().contains(QStringLiteral("gaming club")));  // the home page has none of his answers

        // Tab reaches the first page he answered (the course's KWL, on the first page); Enter goes there.
        QTest::keyClick(browser, Qt::Key_Tab);
        QTest::keyClick(browser, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.currentPageId() != QLatin1String("home"), 20000);
        QTRY_VERIFY(browser->toPlainText().contains(QStringLiteral("I run the Thursday gaming club")));
        QVERIFY(browser->toPlainText().contains(QStringLiteral("On this page: ") + window.course().findPage(window.currentPageId())->title));

        // F6 from the page reaches it: the pane beside the page.
        window.pageView()->setFocus();
        QTest::keyClick(&window, Qt::Key_F6);
        QTRY_VERIFY2(QApplication::focusWidget() == browser, QApplication::focusWidget()->metaObject()->className());

        // Typing in it changes nothing, here or in the store.
        QTest::keyClicks(browser, QStringLiteral("xyz"));
        QVERIFY(!browser->toPlainText().contains(QStringLiteral("xyz")));
        QVERIFY(window.answerStore()->answers(window.course().id).isEmpty());

        // Its own button closes it from the keyboard.
        auto *close = dock->findChild<QPushButton *>();
        QVERIFY(close && close->focusPolicy() & Qt::TabFocus);
        close->setFocus();
        QTest::keyClick(close, Qt::Key_Space);
        QTRY_VERIFY(!controller.workbookView(ben));
    }

    // A workbook of another course that was never opened here changes nothing and says why.
    void aForeignWorkbookIsRefusedWithItsReason()
    {
        QSettings().clear();
        QTemporaryDir data;
        QTemporaryDir room;
        Workbook other;
        other.courseId = QStringLiteral("knitting-for-beginners");
        other.courseTitle = QStringLiteral("Knitting for Beginners");
        other.owner = QStringLiteral("Cleo");
        other.saved = QDateTime::currentDateTimeUtc();
        const QString path = room.filePath(QStringLiteral("cleo.coursebook"));
        QString error;
        QVERIFY2(WorkbookFile::save(path, other, &error), qPrintable(error));

        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), data.path());
        WorkbookFileController controller(&window);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QString courseId = window.course().id;
        QString said;
        DialogDriver driver([&](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                said = box->text();
                QTest::keyClick(box, Qt::Key_Return);
            }
        });
        QVERIFY(!controller.openWorkbook(path));
        QVERIFY2(said.contains(QStringLiteral("Knitting for Beginners")) && said.contains(QStringLiteral("Cleo")), qPrintable(said));
        QCOMPARE(window.course().id, courseId);
        QVERIFY(window.findChildren<WorkbookViewDock *>().isEmpty());
    }

    // File ▸ Merge Workbooks…: two learners' files and a damaged one chosen together; the
    // damaged one is left out with its reason, the others go side by side into one DOCX.
    void mergeWorkbooksPutsARoomSideBySideInOneDocx()
    {
        QSettings().clear();
        QTemporaryDir data;
        QTemporaryDir room;
        const QString ana = savedWorkbook(room.path(), QStringLiteral("Ana"));
        const QString ben = savedWorkbook(room.path(), QStringLiteral("Ben"));
        QVERIFY(!ana.isEmpty() && !ben.isEmpty());
        QFile damaged(room.filePath(QStringLiteral("Dee.coursebook")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("PK\x03\x04 not really a zip");
        damaged.close();
        const QString target = room.filePath(QStringLiteral("room.docx"));

        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), data.path());
        WorkbookFileController controller(&window);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QStringList steps;
        QString leftOut;
        DialogDriver driver([&](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                steps << QStringLiteral("left out");
                leftOut = box->text();
                QTest::keyClick(box, Qt::Key_Return);
            } else if (steps.isEmpty()) {
                steps << QStringLiteral("files");
                typeIntoFileDialog(modal, QStringLiteral("\"%1\" \"%2\" \"%3\"").arg(QFileInfo(ana).fileName(), QFileInfo(ben).fileName(),
                                                                                  QFileInfo(damaged).fileName()));
            } else {
                steps << QStringLiteral("target");
                typeIntoFileDialog(modal, target);
            }
        });
        QSettings().setValue(QStringLiteral("workbookFile/folder"), room.path());  // the files dialog opens in the room's folder
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
        QMenu *file = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(file);
        QTest::keyClick(file, Qt::Key_M);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(target).size() > 0, 30000);
        QCOMPARE(steps, (QStringList{QStringLiteral("files"), QStringLiteral("left out"), QStringLiteral("target")}));
        QVERIFY2(leftOut.contains(QStringLiteral("Dee.coursebook")), qPrintable(leftOut));

        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), target, QStringLiteral("word/document.xml")});
        QVERIFY(unzip.waitForFinished(20000));
        const QString xml = QString::fromUtf8(unzip.readAllStandardOutput());
        QVERIFY(xml.contains(QStringLiteral(">Ana<")) && xml.contains(QStringLiteral(">Ben<")));
        QCOMPARE(xml.count(QStringLiteral("Thursday gaming club")), 2);  // the KWL of each, side by side
        QVERIFY(!xml.contains(QStringLiteral("Dee")));
    }
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    TestWorkbookFileWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_workbook_file.moc"
