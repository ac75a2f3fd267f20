#include "ExportWorksheetDialog.h"
#include "MainWindow.h"
#include "TestFiles.h"
#include "TestProcess.h"

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

#include <functional>

#include <sys/stat.h>

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
        QTest::addColumn<QString>("expected");  // in the message
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
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QSettings().setValue(QStringLiteral("export/format"), remembered);
        QString said;
        exportThroughTheWindow(dir, typed, [](ExportWorksheetDialog *) {}, &said);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(said.contains(expected), qPrintable(said));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{written});
        QVERIFY(TestFiles::read(dir.filePath(written)).startsWith(magic));
        // The next export starts with the format just written.
        const ExportFileName::Format format = magic.startsWith("%PDF") ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx;
        QCOMPARE(ExportWorksheetDialog({{QStringLiteral("all"), {}}}, 0).format(), format);
    }

    void paperSizeFollowsTheDialog_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("remembered");  // the paper size the dialog starts with
        QTest::addColumn<int>("key");         // that changes it, in the paper size box
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");  // in pdfinfo's "Page size", or document.xml's w:pgSz
        QTest::newRow("PDF, A4 to Letter") << QStringLiteral("pdf") << int(QPageSize::A4) << int(Qt::Key_Down) << QStringLiteral("letter.pdf")
                                           << QStringLiteral("612 x 792 pts (letter)");
        QTest::newRow("PDF, Letter to A4") << QStringLiteral("pdf") << int(QPageSize::Letter) << int(Qt::Key_Up) << QStringLiteral("a4.pdf")
                                           << QStringLiteral(" pts (A4)");
        QTest::newRow("DOCX, A4 to Letter") << QStringLiteral("docx") << int(QPageSize::A4) << int(Qt::Key_Down) << QStringLiteral("letter.docx")
                                            << QStringLiteral("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>");
        QTest::newRow("DOCX, Letter to A4") << QStringLiteral("docx") << int(QPageSize::Letter) << int(Qt::Key_Up) << QStringLiteral("a4.docx")
                                            << QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    }

    // The paper size picked in the dialog, with its mnemonic and an arrow key, is the size of
    // the pages written, and the next export starts with it.
    void paperSizeFollowsTheDialog()
    {
        QFETCH(QString, format);
        QFETCH(int, remembered);
        QFETCH(int, key);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QSettings().setValue(QStringLiteral("export/format"), format);
        QSettings().setValue(QStringLiteral("export/pageSize"), remembered);
        int chosen = -1;
        exportThroughTheWindow(dir, file, [&](ExportWorksheetDialog *options) {
            QCOMPARE(int(options->pageSize()), remembered);
            QTest::keyClick(options, Qt::Key_Z, Qt::AltModifier);  // "Paper si&ze"
            auto *box = qobject_cast<QComboBox *>(QApplication::focusWidget());
            QVERIFY2(box && box->parentWidget() == options, "Alt+Z does not reach the paper size");
            QTest::keyClick(box, Qt::Key(key));
            chosen = int(options->pageSize());
        });
        if (QTest::currentTestFailed())
            return;
        QVERIFY(chosen != remembered);
        const QString path = dir.filePath(file);
        const QString read = format == QLatin1String("pdf")
            ? TestProcess::run(QStringLiteral("pdfinfo"), {path}).out
            : TestProcess::run(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("word/document.xml")}).out;
        QVERIFY2(read.contains(expected), qPrintable(read.left(2000)));
        QCOMPARE(int(ExportWorksheetDialog({{QStringLiteral("all"), {}}}, 0).pageSize()), chosen);
    }

    void notAFileIsRefused_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("DOCX to a link to /dev/null") << QStringLiteral("docx") << QStringLiteral("device.docx")
                                                     << QStringLiteral("it is a device, not a file");
        QTest::newRow("PDF to a named pipe") << QStringLiteral("pdf") << QStringLiteral("pipe.pdf") << QStringLiteral("it is a named pipe, not a file");
    }

    // A device or a pipe chosen in the save dialog (its overwrite question answered Yes): the
    // window says why, as the command line does, and the target is left as it was (written
    // through, the link would have made /dev/null a plain file as root).
    void notAFileIsRefused()
    {
        QFETCH(QString, format);
        QFETCH(QString, name);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString target = dir.filePath(name);
        const QByteArray encoded = QFile::encodeName(target);
        QVERIFY(format == QLatin1String("pdf") ? ::mkfifo(encoded.constData(), 0600) == 0 : QFile::link(QStringLiteral("/dev/null"), target));
        QSettings().setValue(QStringLiteral("export/format"), format);
        QString said;
        exportThroughTheWindow(dir, name, [](ExportWorksheetDialog *) {}, &said);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(said.contains(QStringLiteral("Cannot write %1: %2").arg(target, reason)), qPrintable(said));
        struct stat status {};
        QCOMPARE(::lstat(encoded.constData(), &status), 0);
        QVERIFY(format == QLatin1String("pdf") ? S_ISFIFO(status.st_mode) : S_ISLNK(status.st_mode));
        QCOMPARE(::stat("/dev/null", &status), 0);
        QVERIFY(S_ISCHR(status.st_mode));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
                 (QStringList{QStringLiteral("data"), name}));
    }

private:
    // File ▸ Export Worksheet… (Ctrl+E) in a window on the bundled course: `chooseOptions` sets
    // the export dialog up, Enter accepts it, the file name `typed` goes into the save dialog,
    // and `said` gets the message that ends the export (a question whether to replace the
    // file is answered Yes).
    void exportThroughTheWindow(QTemporaryDir &dir, const QString &typed, const std::function<void(ExportWorksheetDialog *)> &chooseOptions,
                                QString *said = nullptr)
    {
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
                if (QApplication::activeWindow() != options) {  // keys reach mnemonics only in the active window
                    options->activateWindow();
                    return;
                }
                chooseOptions(options);
                QTest::keyClick(options, Qt::Key_Return);
            } else if (auto *replace = qobject_cast<QMessageBox *>(modal); replace && qobject_cast<QFileDialog *>(replace->parent())) {
                replace->button(QMessageBox::Yes)->click();  // "already exists. Do you want to replace it?"
            } else if (auto *files = qobject_cast<QFileDialog *>(modal); files && !typedName) {
                auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (!name || QApplication::focusWidget() != name)  // not up yet
                    return;
                name->selectAll();
                QTest::keyClicks(name, dir.filePath(typed));
                // Enter from a call of its own: a question it raises runs its own event loop,
                // in which this timer can fire again only once this call has returned.
                QTimer::singleShot(0, name, [name] { QTest::keyClick(name, Qt::Key_Return); });
                typedName = true;
            }
        });
        driver.start(100);
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);

        QMessageBox *done = nullptr;
        // The window's own message, not the save dialog's question.
        QTRY_VERIFY_WITH_TIMEOUT((done = window.findChild<QMessageBox *>(QString(), Qt::FindDirectChildrenOnly)) != nullptr
                                     || QTest::currentTestFailed(),
                                 60000);
        driver.stop();
        QVERIFY(done);
        if (said)
            *said = done->text();
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
