// The reading window around the page: the shortcut sheet, problems kept for authors, the
// Workbook stepping aside for a course without activities, and the window on small or
// changed screens.

#include "MainWindow.h"
#include "PageView.h"
#include "ProblemsPanel.h"
#include "NavigationTree.h"
#include "WorkbookPane.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

namespace {
constexpr int kLoadTimeout = 30000;

QDockWidget *dock(MainWindow &window, const QString &name)
{
    return window.findChild<QDockWidget *>(name);
}

// Every "keys" cell of the sheet that is open now, and closes it.
QStringList sheetKeys()
{
    QStringList keys;
    QWidget *sheet = QApplication::activeModalWidget();
    if (!sheet)
        return keys;
    if (auto *tree = sheet->findChild<QTreeWidget *>()) {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                keys << tree->topLevelItem(i)->child(j)->text(0);
        }
    }
    sheet->close();
    return keys;
}
}  // namespace

class TestReadingWindow : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_data = std::make_unique<QTemporaryDir>();
    }

    void shortcutSheetListsEveryMenuKey_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("F1") << int(Qt::Key_F1) << int(Qt::NoModifier);
        // As the platform reports "?" once its keyboard map is applied (Shift is in the key).
        QTest::newRow("?") << int(Qt::Key_Question) << int(Qt::NoModifier);
    }
    void shortcutSheetListsEveryMenuKey()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();  // no window manager under Xvfb to do it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentPageId().isEmpty(), kLoadTimeout);
        QTRY_VERIFY(QApplication::focusWidget());

        QStringList keys;
        QTimer::singleShot(500, this, [&keys] { keys = sheetKeys(); });
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        QTRY_VERIFY_WITH_TIMEOUT(!keys.isEmpty(), 5000);

        // Every shortcut of every menu is on the sheet, and so are the keys of no menu.
        const std::function<void(const QMenu *)> check = [&](const QMenu *menu) {
            for (const QAction *action : menu->actions()) {
                if (action->menu())
                    check(action->menu());
                for (const QKeySequence &shortcut : action->shortcuts()) {
                    const QString text = shortcut.toString(QKeySequence::NativeText);
                    QVERIFY2(std::any_of(keys.begin(), keys.end(), [&](const QString &k) { return k.contains(text); }),
                             qPrintable(QStringLiteral("%1 (%2) is not on the sheet").arg(text, action->text())));
                }
            }
        };
        for (const QAction *action : window.menuBar()->actions()) {
            if (action->menu())
                check(action->menu());
        }
        for (const QString &noMenuKey : {QStringLiteral("Page Down"), QStringLiteral("F6"), QStringLiteral("Shift+F6"), QStringLiteral("Shift+Enter")})
            QVERIFY2(keys.join(QLatin1Char('|')).contains(noMenuKey), qPrintable(noMenuKey));
    }

    void problemsAreForAuthorsNotReaders()
    {
        MainWindow window(QStringLiteral(TESTDATA_DIR "/hostile"), QString(), m_data->path());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.problemsPanel()->topLevelItemCount() >= 8, kLoadTimeout);
        QTest::qWait(200);
        QVERIFY(!dock(window, QStringLiteral("problemsDock"))->isVisible());
        QVERIFY2(!window.statusBar()->currentMessage().contains(QLatin1String("problem")), qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(dock(window, QStringLiteral("problemsDock"))->windowTitle().startsWith(QLatin1String("Problems (")));

        // A course author asks for them, and gets them at every opening.
        QSettings().setValue(QStringLiteral("view/problemsOnOpen"), true);
        MainWindow author(QStringLiteral(TESTDATA_DIR "/hostile"), QString(), m_data->path());
        author.show();
        QTRY_VERIFY_WITH_TIMEOUT(dock(author, QStringLiteral("problemsDock"))->isVisible(), kLoadTimeout);
    }

    void workbookStepsAsideForACourseWithoutActivities()
    {
        MainWindow window(QStringLiteral(TESTDATA_DIR "/plain"), QString(), m_data->path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget *workbook = dock(window, QStringLiteral("workbookDock"));
        QTRY_VERIFY_WITH_TIMEOUT(!workbook->isVisible(), kLoadTimeout);
        QVERIFY(window.openCourse(QStringLiteral(BUNDLED_COURSE_DIR)));
        QTRY_VERIFY_WITH_TIMEOUT(workbook->isVisible(), kLoadTimeout);
    }

    void thePageKeepsItsRoomOnASmallScreen()
    {
        // A 1024 x 768 laptop with the Workbook open: the panes give way, the page does not.
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        window.show();
        window.setWindowState(Qt::WindowNoState);
        window.resize(1024, 740);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentPageId().isEmpty(), kLoadTimeout);
        QDockWidget *workbook = dock(window, QStringLiteral("workbookDock"));
        workbook->show();
        QTRY_COMPARE(window.width(), 1024);
        QTest::qWait(200);
        QVERIFY2(window.pageView()->width() >= 440, qPrintable(QString::number(window.pageView()->width())));
        QVERIFY(workbook->width() >= 300);
        QVERIFY(workbook->geometry().right() <= window.width());
    }

    void aWindowFromABiggerScreenComesBackOnThisOne()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        {
            MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            // As if it had been on a monitor twice this size, off to the right.
            window.setGeometry(available.width() / 2, available.height() / 3, available.width() * 2, available.height() * 2);
            QTest::qWait(200);
            window.close();
        }
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(available.contains(window.geometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(window.x()).arg(window.y()).arg(window.width()).arg(window.height())));
        QVERIFY(window.width() >= available.width() / 2);
    }

    void zoomEnlargesTheContentsAndTheWorkbookToo()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.showActivity(QStringLiteral("kwl-course")));
        QTRY_VERIFY_WITH_TIMEOUT(window.workbookPane()->activityCount() > 0, kLoadTimeout);
        const auto workbookText = [&] {
            QLabel *title = window.workbookPane()->findChild<QLabel *>(QStringLiteral("activityTitle"));
            return title ? QFontInfo(title->font()).pixelSize() : 0;
        };
        const int tree = QFontInfo(window.navigationTree()->font()).pixelSize();
        const int workbook = workbookText();
        QVERIFY(workbook > 0);
        for (int i = 0; i < 5; ++i)  // 161%
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Equal, Qt::ControlModifier);
        QTRY_VERIFY(window.pageView()->zoom() > 1.5);
        QTRY_VERIFY2(workbookText() >= workbook * 1.4, qPrintable(QStringLiteral("%1 -> %2").arg(workbook).arg(workbookText())));
        QVERIFY(QFontInfo(window.navigationTree()->font()).pixelSize() >= tree * 1.4);
    }

    void columnTitlesWrapInsteadOfBeingCut()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        window.show();
        window.resize(1280, 760);
        QVERIFY(window.showActivity(QStringLiteral("worksheet-action-plan")));
        QTRY_VERIFY_WITH_TIMEOUT(window.workbookPane()->activityCount() > 0, kLoadTimeout);
        auto *grid = window.workbookPane()->findChild<QTableWidget *>();
        QVERIFY(grid);
        QTest::qWait(300);  // the header is laid out again once the columns have their width
        QHeaderView *header = grid->horizontalHeader();
        QFont bold = header->font();
        bold.setBold(true);
        for (int column = 0; column < grid->columnCount(); ++column) {
            const QString title = grid->horizontalHeaderItem(column)->text();
            const QRect needed = QFontMetrics(bold).boundingRect(QRect(0, 0, header->sectionSize(column) - 12, 10000),
                                                                 Qt::AlignCenter | Qt::TextWordWrap, title);
            QVERIFY2(header->height() >= needed.height(), qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                                                         .arg(title).arg(needed.height()).arg(header->height())));
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_data;
};

QTEST_MAIN(TestReadingWindow)
#include "tst_gui_reading_window.moc"
