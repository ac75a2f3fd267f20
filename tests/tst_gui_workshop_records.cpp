// Workbook ▸ Workshop Records…, driven with the keyboard: the course's records newest first,
// a rename in place (F2, typed, Enter) kept on disk, a bad name refused with the reason, and
// Export as DOCX… (Alt+D) through the worksheet export's save dialog, the group's words in
// the file and no other group's.

#include "CourseLoader.h"
#include "MainWindow.h"
#include "TestProcess.h"
#include "WorkshopRecords.h"
#include "WorkshopRecordsDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

const QString kModule = QStringLiteral("getting-started");
const QString kMorningWords = QStringLiteral("Morning group loves zines");
const QString kEveningWords = QStringLiteral("Evening group wants robotics");

Answer kwl(const WorkshopRecord &record, const QString &know)
{
    const QJsonObject row{{QStringLiteral("know"), know}, {QStringLiteral("want"), QString()}, {QStringLiteral("learned"), QString()}};
    return Answer{WorkshopRecords::storeCourseId(record), QStringLiteral("kwl-course"), QStringLiteral("kwl"),
                  QJsonObject{{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QJsonArray{row}}}, false, QDateTime()};
}

QString docxText(const QString &path)
{
    const QString script = QStringLiteral("import re, sys, zipfile\n"
                                          "xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')\n"
                                          "print(' '.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', xml)))\n");
    return TestProcess::run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path}).out.simplified();
}

}  // namespace

class TestGuiWorkshopRecords : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void listsNewestFirstAndRenamesWithKeys();
    void badNameIsRefusedAndKept();
    void exportsTheChosenRecordWithKeys();
    void menuEntryOpensTheWindowsCourse();

private:
    // The dialog shown and active, the list focused on row `row`.
    void open(int row);
    QLineEdit *startRename();

    QTemporaryDir m_data;
    Course m_course;
    WorkshopRecords m_records;
    WorkshopRecord m_morning;
    WorkshopRecord m_evening;
    std::unique_ptr<WorkshopRecordsDialog> m_dialog;
    QTreeWidget *m_list = nullptr;
};

void TestGuiWorkshopRecords::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    QCOMPARE(m_records.open(m_data.path()).status, AnswerStore::OpenReport::Status::Ok);
    m_morning = *m_records.create(m_course.id, kModule, QStringLiteral("Morning group"));
    m_evening = *m_records.create(m_course.id, kModule, QStringLiteral("Evening group"));
    QVERIFY(m_records.store()->save(kwl(m_morning, kMorningWords)));
    QVERIFY(m_records.store()->save(kwl(m_evening, kEveningWords)));
}

void TestGuiWorkshopRecords::init()
{
    m_dialog.reset();
}

void TestGuiWorkshopRecords::open(int row)
{
    m_dialog = std::make_unique<WorkshopRecordsDialog>(&m_records, m_course);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    m_list = m_dialog->findChild<QTreeWidget *>();
    QVERIFY(m_list);
    m_list->setFocus();
    QTest::keyClick(m_list, Qt::Key_Home);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(m_list, Qt::Key_Down);
}

QLineEdit *TestGuiWorkshopRecords::startRename()
{
    QTest::keyClick(m_dialog.get(), Qt::Key_F2);
    QLineEdit *editor = nullptr;
    if (QTest::qWaitFor([&] { return (editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) != nullptr; }))
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    return editor;  // null: F2 opened no editor
}

void TestGuiWorkshopRecords::listsNewestFirstAndRenamesWithKeys()
{
    open(1);
    QCOMPARE(QAccessible::queryAccessibleInterface(m_list)->text(QAccessible::Name), QStringLiteral("Workshop records"));
    QCOMPARE(m_list->topLevelItemCount(), 2);
    QCOMPARE(m_list->topLevelItem(0)->text(0), m_evening.name);
    QCOMPARE(m_list->topLevelItem(1)->text(0), QStringLiteral("Morning group"));
    QCOMPARE(m_list->topLevelItem(1)->text(2), m_course.findModule(kModule)->title);
    QCOMPARE(m_list->currentItem(), m_list->topLevelItem(1));

    QLineEdit *editor = startRename();
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("Morning group, library staff"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_list->topLevelItem(1)->text(0), QStringLiteral("Morning group, library staff"));
    // On disk: another WorkshopRecords on the same folder reads the new name.
    WorkshopRecords reopened;
    reopened.open(m_data.path());
    QCOMPARE(reopened.record(m_morning.id)->name, QStringLiteral("Morning group, library staff"));
    QCOMPARE(reopened.record(m_evening.id)->name, m_evening.name);
}

void TestGuiWorkshopRecords::badNameIsRefusedAndKept()
{
    open(0);
    QLineEdit *editor = startRename();
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_Return);
    QLabel *status = nullptr;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Status"))
            status = label;
    }
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(QStringLiteral("needs a name")), qPrintable(status->text()));
    QCOMPARE(m_list->topLevelItem(0)->text(0), m_evening.name);
    QCOMPARE(m_records.record(m_evening.id)->name, m_evening.name);
}

void TestGuiWorkshopRecords::exportsTheChosenRecordWithKeys()
{
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("evening.docx"));
    open(0);
    // The save dialog runs its own event loop: answer it when it is up.
    bool typed = false;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        auto *name = files ? files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")) : nullptr;
        if (typed || !name || QApplication::focusWidget() != name)
            return;
        name->selectAll();
        QTest::keyClicks(name, path);
        QTimer::singleShot(0, name, [name] { QTest::keyClick(name, Qt::Key_Return); });
        typed = true;
    });
    driver.start(100);
    QTest::keyClick(m_dialog.get(), Qt::Key_D, Qt::AltModifier);
    QMessageBox *done = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((done = m_dialog->findChild<QMessageBox *>(QString(), Qt::FindDirectChildrenOnly)) != nullptr, 60000);
    driver.stop();
    QVERIFY2(done->text().contains(QStringLiteral("as a Word document")), qPrintable(done->text()));
    const QString text = docxText(path);
    QVERIFY2(text.contains(kEveningWords), qPrintable(text.left(2000)));
    QVERIFY2(text.contains(QStringLiteral("Group grid: Evening group")), qPrintable(text.left(2000)));
    QVERIFY2(!text.contains(kMorningWords), qPrintable(text.left(2000)));
}

// What the Workbook menu gets: "Workshop &Records…", opening the dialog on the window's course.
void TestGuiWorkshopRecords::menuEntryOpensTheWindowsCourse()
{
    QTemporaryDir windowData;
    MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), windowData.path());
    QMenu menu;
    QAction *action = WorkshopRecordsDialog::addToMenu(&menu, &window, [this] { return &m_records; });
    QCOMPARE(action->text(), QStringLiteral("Workshop &Records…"));
    QCOMPARE(menu.actions(), QList<QAction *>{action});

    int listed = -1;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<WorkshopRecordsDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<WorkshopRecordsDialog *>(QApplication::activeModalWidget());
        listed = dialog->findChild<QTreeWidget *>()->topLevelItemCount();
        dialog->reject();
    });
    action->trigger();  // returns once the dialog is closed
    QCOMPARE(listed, 2);
}

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestGuiWorkshopRecords test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_gui_workshop_records.moc"
