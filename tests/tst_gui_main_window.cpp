#include "CourseUrl.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PageView.h"
#include "ProblemsPanel.h"
#include "WebCompositing.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QQuickWidget>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

// The reading window on the bundled course, driven as a reader would.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
        QSettings().clear();
    }

    // File ▸ Open Recent, by the keyboard: Alt+F, R, then an entry's number.
    void openRecentReopensAnEarlierCourse()
    {
        QSettings().clear();
        QTemporaryDir other;
        QFile page(other.filePath(QStringLiteral("notes.md")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("# Second Course Notes\n\nA page of its own.\n");
        page.close();

        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const QString bundledTitle = window.course().title;
        QVERIFY(window.openCourse(other.path()));
        QVERIFY(window.course().title != bundledTitle);

        const auto openRecentMenu = [&window]() -> QMenu * {
            QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
            if (!QTest::qWaitFor([] { return QApplication::activePopupWidget() != nullptr; }, 5000))
                return nullptr;
            QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_R);
            QMenu *menu = nullptr;
            const bool opened = QTest::qWaitFor([&menu] {
                menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                return menu && menu->title() == QStringLiteral("Open &Recent");
            }, 5000);
            return opened ? menu : nullptr;
        };
        QMenu *recent = openRecentMenu();
        QVERIFY(recent);
        const QList<QAction *> entries = recent->actions();
        QCOMPARE(entries.size(), 2);  // newest first
        QVERIFY2(entries[0]->text().contains(QDir::toNativeSeparators(other.path())), qPrintable(entries[0]->text()));
        QVERIFY2(entries[1]->text().contains(QStringLiteral("course")), qPrintable(entries[1]->text()));
        QTest::keyClick(recent, Qt::Key_2);
        QTRY_COMPARE(window.course().title, bundledTitle);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentPageId().isEmpty(), 30000);

        // A course that is gone stays listed, greyed, and cannot be picked.
        QVERIFY(other.remove());
        recent = openRecentMenu();
        QVERIFY(recent);
        QCOMPARE(recent->actions().size(), 2);
        QAction *gone = recent->actions().at(1);
        QVERIFY2(gone->text().endsWith(QStringLiteral("(not found)")), qPrintable(gone->text()));
        QVERIFY(!gone->isEnabled());
        QTest::keyClick(recent, Qt::Key_Escape);
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
    }

    void opensTheBundledCourseOnItsFirstPage()
    {
        MainWindow window{QString(), QString()};
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.course().pageCount() >= 5);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), window.course().pages().first()->id, 30000);
    }

    // Where OpenGL is itself software (as in this X server: Mesa's llvmpipe), pages reach the
    // screen through Qt Quick's software renderer; a GPU's name keeps OpenGL.
    void softwareOpenGlComposesPagesInSoftware()
    {
        MainWindow window{QString(), QString()};
        const QString renderer = WebCompositing::openGlRenderer();
        if (!renderer.contains(QStringLiteral("llvmpipe")))
            QSKIP(qPrintable(QStringLiteral("OpenGL here is not llvmpipe: ") + renderer));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QQuickWidget *>(window.pageView()->focusProxy()), 30000);
        const QQuickWindow *frames = qobject_cast<QQuickWidget *>(window.pageView()->focusProxy())->quickWindow();
        QTRY_VERIFY_WITH_TIMEOUT(frames->rendererInterface(), 30000);
        QCOMPARE(frames->rendererInterface()->graphicsApi(), QSGRendererInterface::Software);
        QVERIFY(!WebCompositing::isSoftwareRenderer(QStringLiteral("Mesa Intel(R) HD Graphics 520 (SKL GT2)")));
        QVERIFY(!WebCompositing::isSoftwareRenderer(QStringLiteral("AMD Radeon R5 Graphics (radeonsi, carrizo, LLVM 15.0.6, DRM 3.49)")));
        QVERIFY(WebCompositing::isSoftwareRenderer(QStringLiteral("Software Rasterizer")));
    }

    void everyPageInTheTreeLoads()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        QSignalSpy firstLoaded(window.pageView(), &QWebEngineView::loadFinished);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The first page wholly loaded: a click while it loads replaces it, and Qt WebEngine
        // then reports one of the two loads finished, not always the later.
        QVERIFY(firstLoaded.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentPageId().isEmpty(), 30000);
        const auto pages = window.course().pages();
        for (auto it = pages.crbegin(); it != pages.crend(); ++it) {  // backwards: every one is a change
            const CoursePage *page = *it;
            QTreeWidgetItem *item = window.navigationTree()->itemForPage(page->id);
            QVERIFY2(item, qPrintable(page->id));
            QCOMPARE(item->text(0), page->title);
            // The page loaded, not the one before it finishing (the first page may still be).
            QList<std::pair<QUrl, bool>> loaded;
            const QMetaObject::Connection watch = connect(window.pageView(), &QWebEngineView::loadFinished, this,
                                                          [&](bool ok) { loaded.append({window.pageView()->url(), ok}); });
            window.navigationTree()->setCurrentItem(item);
            QTRY_VERIFY2_WITH_TIMEOUT(loaded.contains(std::pair(CourseUrl::page(page->id), true)), qPrintable(page->id), 30000);
            disconnect(watch);
            QCOMPARE(window.pageView()->title(), page->title);
            QCOMPARE(window.currentPageId(), page->id);
            QVERIFY(window.windowTitle().startsWith(page->title));
        }
    }

    void sectionHeadsHoldTheirPages()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        for (const CoursePage *page : window.course().pages()) {
            QTreeWidgetItem *item = window.navigationTree()->itemForPage(page->id);
            if (page->isHome) {
                QVERIFY(!item->parent());  // above the modules
                continue;
            }
            const QString parentId = item->parent()->data(0, NavigationTree::PageIdRole).toString();
            if (page->parentId.isEmpty())
                QVERIFY2(!item->parent()->parent(), qPrintable(page->id));  // directly under its module
            else
                QCOMPARE(parentId, page->parentId);
        }
    }

    void nextPreviousAndTheClicker()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        window.show();
        // Keys reach shortcuts only in the active window; no window manager activates it here.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // From the first module's first page (after the course home): long enough to scroll.
        const auto pages = window.course().pages().mid(1);
        // Each turn waits for its page to load, not only to commit: the clicker is pressed on
        // the page as shown (a key sent while the page before is still going is lost with it).
        QSignalSpy loaded(window.pageView(), &QWebEngineView::loadFinished);
        const auto turnedTo = [&](const QString &pageId) {
            return QTest::qWaitFor([&] { return window.currentPageId() == pageId && !loaded.isEmpty(); }, 30000)
                && (loaded.clear(), true);
        };
        window.showPage(pages.at(0)->id);
        QVERIFY(turnedTo(pages.at(0)->id));

        QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
        QVERIFY(turnedTo(pages.at(1)->id));
        QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
        QVERIFY(turnedTo(pages.at(0)->id));

        // A clicker's Page Down scrolls first and turns the page only at the end.
        window.pageView()->setFocus();
        QWidget *renderer = window.pageView()->focusProxy();
        QVERIFY(renderer);
        QTRY_VERIFY_WITH_TIMEOUT(window.pageView()->page()->contentsSize().height() > window.pageView()->height(), 10000);
        QTest::keyClick(renderer, Qt::Key_PageDown);
        QTRY_VERIFY_WITH_TIMEOUT(window.pageView()->page()->scrollPosition().y() > 0, 10000);
        QCOMPARE(window.currentPageId(), pages.at(0)->id);
        for (int i = 0; i < 60 && window.currentPageId() == pages.at(0)->id; ++i) {
            QTest::keyClick(renderer, Qt::Key_PageDown);
            QTest::qWait(150);
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), pages.at(1)->id, 30000);
    }

    void backAndForward()
    {
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        // Each page loaded to the end before the next, as a reader sees it: a page asked for
        // while the one before is still loading replaces it in the history (Chromium).
        QSignalSpy loaded(window.pageView(), &QWebEngineView::loadFinished);  // before the first can come
        window.show();
        // Keys reach shortcuts only in the active window; no window manager activates it here.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const auto pages = window.course().pages();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);  // the page it opens on
        if (window.currentPageId() != pages.at(0)->id) {
            window.showPage(pages.at(0)->id);
            QVERIFY(loaded.wait(30000));
        }
        QCOMPARE(window.currentPageId(), pages.at(0)->id);
        window.showPage(pages.at(3)->id);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.currentPageId(), pages.at(3)->id);
        QTest::keyClick(&window, Qt::Key_BracketLeft, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), pages.at(0)->id, 30000);
        QTest::keyClick(&window, Qt::Key_BracketRight, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), pages.at(3)->id, 30000);
    }

    void opensOtherLayoutsAndSingleFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("pages");
        QTest::newRow("module layout") << QStringLiteral(TESTDATA_DIR "/module-layout") << -1;
        QTest::newRow("plain folder") << QStringLiteral(TESTDATA_DIR "/plain") << -1;
        QTest::newRow("single file") << QStringLiteral(TESTDATA_DIR "/single/notes.md") << 1;
        QTest::newRow("hostile course") << QStringLiteral(TESTDATA_DIR "/hostile") << -1;
    }
    void opensOtherLayoutsAndSingleFiles()
    {
        QFETCH(QString, path);
        QFETCH(int, pages);
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
        window.show();
        QVERIFY(window.openCourse(path));
        if (pages > 0)
            QCOMPARE(window.course().pageCount(), pages);
        QVERIFY(window.course().pageCount() > 0);
        QCOMPARE(window.navigationTree()->topLevelItemCount(), int(window.course().modules.size()) + (window.course().hasHome() ? 1 : 0));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), window.course().pages().first()->id, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.pageView()->title(), window.course().pages().first()->title, 30000);
    }

    void treeShowsTheHomeFirstAndUnlinkedModulesLast()
    {
        MainWindow window(QStringLiteral(TESTDATA_DIR "/module-layout-home"), QString());
        window.show();
        // A course opened for the first time opens on its home.
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), Course::kHomePageId, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.pageView()->title(), QStringLiteral("Neighbourhood Maps"), 30000);
        const NavigationTree *tree = window.navigationTree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        QCOMPARE(tree->topLevelItem(0), tree->itemForPage(Course::kHomePageId));
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Neighbourhood Maps"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("Mapping the Neighbourhood"));
        QCOMPARE(tree->topLevelItem(2)->text(0), QStringLiteral("Taking It Outside"));
        // The stale copy with the same title sits in a collapsed group that says what it is.
        QTreeWidgetItem *unlinked = tree->topLevelItem(3);
        QCOMPARE(unlinked->text(0), QStringLiteral("Not linked from the course home"));
        QVERIFY(!unlinked->isExpanded());
        QCOMPARE(unlinked->childCount(), 1);
        QCOMPARE(unlinked->child(0)->text(0), QStringLiteral("Mapping the Neighbourhood"));
        QCOMPARE(unlinked->child(0)->data(0, NavigationTree::PageIdRole).toString(), QStringLiteral("mapping-old/index"));
        QVERIFY(tree->itemForPage(QStringLiteral("mapping/section-1"))->parent()->isExpanded());
    }

    void problemsPanelListsWhatCheckFinds()
    {
        MainWindow window(QStringLiteral(TESTDATA_DIR "/hostile"), QString());
        // Loading finds the binary page and the broken front matter at once; rendering every
        // page in the background adds the broken links and images.
        QTRY_VERIFY_WITH_TIMEOUT(window.problemsPanel()->topLevelItemCount() >= 8, 30000);
        QStringList messages;
        for (int i = 0; i < window.problemsPanel()->topLevelItemCount(); ++i)
            messages << window.problemsPanel()->topLevelItem(i)->text(0);
        QVERIFY(messages.first().contains(QStringLiteral("binary")) || messages.first().contains(QStringLiteral("front matter")));
        QVERIFY(messages.join(QLatin1Char('\n')).contains(QStringLiteral("broken link")));
    }

    void zoomAndLastPageAreRemembered()
    {
        QString lastPage;
        {
            MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QString());
            window.show();
        // Keys reach shortcuts only in the active window; no window manager activates it here.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
            lastPage = window.course().pages().at(2)->id;
            window.showPage(lastPage);
            QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), lastPage, 30000);
            QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
            QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier);
        }
        MainWindow reopened{QString(), QString()};
        reopened.show();
        reopened.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&reopened));
        QTRY_COMPARE_WITH_TIMEOUT(reopened.currentPageId(), lastPage, 30000);
        QVERIFY(qAbs(reopened.pageView()->zoom() - 1.21) < 0.01);
        QTest::keyClick(&reopened, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(reopened.pageView()->zoom(), 1.0);
    }
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_main_window.moc"
