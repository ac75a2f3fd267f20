#include "MainWindow.h"
#include "WorkbookFile.h"
#include "WorkbookFileController.h"

#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
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
        // Each modal dialog is answered from inside its own loop, as a person types into it.
        QTimer driver;
        driver.setInterval(100);
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *input = qobject_cast<QInputDialog *>(modal); input && !answered.contains(QStringLiteral("name"))) {
                answered << QStringLiteral("name");
                QLineEdit *field = input->findChild<QLineEdit *>();
                field->selectAll();
                typeText(field, QStringLiteral("Ana Ñúñez"));
                QTest::keyClick(field, Qt::Key_Return);
            } else if (auto *files = qobject_cast<QFileDialog *>(modal); files && !answered.contains(QStringLiteral("file"))) {
                answered << QStringLiteral("file");
                QLineEdit *field = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                QVERIFY(field);
                QVERIFY2(field->text().startsWith(QStringLiteral("Ana")), qPrintable(field->text()));  // named after the learner
                field->selectAll();
                QTest::keyClicks(field, target);
                QTest::keyClick(field, Qt::Key_Return);
            }
        });
        driver.start();
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target), 20000);
        driver.stop();
        QCOMPARE(answered, (QStringList{QStringLiteral("name"), QStringLiteral("file")}));

        Workbook workbook;
        QString error;
        QVERIFY2(WorkbookFile::load(target, window.course().id, &workbook, &error), qPrintable(error));
        QCOMPARE(workbook.owner, QStringLiteral("Ana Ñúñez"));
        QCOMPARE(workbook.answers.size(), 3);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("ana.coursebook")));
        QCOMPARE(QSettings().value(QStringLiteral("workbookFile/owner")).toString(), QStringLiteral("Ana Ñúñez"));  // asked once
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
