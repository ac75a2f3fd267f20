#include "ExportWorksheetDialog.h"
#include "MainWindow.h"
#include "TestFiles.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEngineView>

// File ▸ Export Worksheet…, driven with the mouse and keyboard.
class TestExportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void choicesAreIndependentAndRemembered()
    {
        const QVector<ExportWorksheetDialog::Choice> choices{
            {QStringLiteral("The whole workbook"), {ExportScope::Kind::Course, QString()}},
            {QStringLiteral("Activity: KWL"), {ExportScope::Kind::Activity, QStringLiteral("kwl-course")}}};
        {
            ExportWorksheetDialog dialog(choices, 1);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.scope().toString(), QStringLiteral("activity:kwl-course"));
            auto radio = [&](const QString &text) {
                for (QRadioButton *button : dialog.findChildren<QRadioButton *>()) {
                    if (button->text().remove(QLatin1Char('&')).startsWith(text))
                        return button;
                }
                return static_cast<QRadioButton *>(nullptr);
            };
            // One format and one content choice, always: the two groups do not exclude each other.
            QVERIFY(radio(QStringLiteral("Word"))->isChecked());
            QVERIFY(radio(QStringLiteral("With my answers"))->isChecked());
            QVERIFY(dialog.format() == ExportFileName::Format::Docx && !dialog.blank());
            auto *pageSize = dialog.findChild<QComboBox *>(QString(), Qt::FindDirectChildrenOnly);
            // On the indicator, as a person clicks: a stretched button's middle is not clickable.
            const auto click = [](QRadioButton *button) { QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2)); };
            click(radio(QStringLiteral("Blank")));
            QVERIFY(dialog.blank());
            QVERIFY(radio(QStringLiteral("Word"))->isChecked());  // unaffected
            click(radio(QStringLiteral("PDF")));
            QCOMPARE(dialog.format(), ExportFileName::Format::Pdf);
            QVERIFY(radio(QStringLiteral("Blank"))->isChecked());  // unaffected
            QVERIFY(pageSize);
            auto *learner = dialog.findChild<QLineEdit *>();
            QTest::keyClicks(learner, QStringLiteral("Zoe Odegard"));
            dialog.accept();
        }
        ExportWorksheetDialog again(choices, 0);
        QCOMPARE(again.learner(), QStringLiteral("Zoe Odegard"));
        QCOMPARE(again.format(), ExportFileName::Format::Pdf);  // the format is remembered
        QVERIFY(!again.blank());    // a blank handout is chosen each time on purpose
        QCOMPARE(again.scope().toString(), QStringLiteral("course"));
    }

    void fileNameAndFormatAgree_data()
    {
        QTest::addColumn<QString>("remembered");  // the format the dialog starts with
        QTest::addColumn<QString>("typed");       // in the save dialog
        QTest::addColumn<QString>("written");
        QTest::addColumn<QByteArray>("magic");
        QTest::addColumn<QString>("said");
        QTest::newRow("docx typed, PDF chosen") << QStringLiteral("pdf") << QStringLiteral("workbook.docx") << QStringLiteral("workbook.docx") << QByteArray("PK\x03\x04")
                                                << QStringLiteral("as a Word document");
        QTest::newRow("PDF typed, DOCX chosen") << QStringLiteral("docx") << QStringLiteral("handout.PDF") << QStringLiteral("handout.PDF") << QByteArray("%PDF-") << QStringLiteral("as a PDF");
        QTest::newRow("no extension") << QStringLiteral("pdf") << QStringLiteral("notes") << QStringLiteral("notes.pdf") << QByteArray("%PDF-") << QStringLiteral("as a PDF");
    }

    // File ▸ Export Worksheet… in the window, Enter in each dialog: whatever the format chosen
    // before, the file is what its name says, and the message says which it is.
    void fileNameAndFormatAgree()
    {
        QFETCH(QString, remembered);
        QFETCH(QString, typed);
        QFETCH(QString, written);
        QFETCH(QByteArray, magic);
        QFETCH(QString, said);
        QTemporaryDir dir;
        QSettings().setValue(QStringLiteral("export/format"), remembered);
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), dir.filePath(QStringLiteral("data")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentPageId().isEmpty(), 30000);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // The dialogs run their own event loops: answer each as it comes up.
        bool typedName = false;
        QTimer driver;
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *options = qobject_cast<ExportWorksheetDialog *>(modal)) {
                QTest::keyClick(options, Qt::Key_Return);
            } else if (auto *files = qobject_cast<QFileDialog *>(modal); files && !typedName) {
                auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (!name || QApplication::focusWidget() != name)  // not up yet
                    return;
                name->selectAll();
                QTest::keyClicks(name, dir.filePath(typed));
                QTest::keyClick(name, Qt::Key_Return);
                typedName = true;
            }
        });
        driver.start(100);
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);

        QMessageBox *done = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((done = window.findChild<QMessageBox *>()) != nullptr, 60000);
        driver.stop();
        QVERIFY2(done->text().contains(said), qPrintable(done->text()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{written});
        QVERIFY(TestFiles::read(dir.filePath(written)).startsWith(magic));
        // The next export starts with the format just written.
        const ExportFileName::Format format = magic.startsWith("%PDF") ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx;
        QCOMPARE(ExportWorksheetDialog({{QStringLiteral("all"), {}}}, 0).format(), format);
    }
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestExportDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_gui_export_dialog.moc"
