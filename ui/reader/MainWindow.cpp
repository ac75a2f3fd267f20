#include "MainWindow.h"

#include "UiLog.h"
#include "WebCompositing.h"

#include "BundledCourse.h"
#include "CourseSidebar.h"
#include "LastPageMemory.h"
#include "CourseLinkOpener.h"
#include "CourseLoader.h"
#include "CourseOpenActions.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "PageRenderer.h"
#include "BackgroundCourseCheck.h"
#include "NavigationTree.h"
#include "OfflineWebProfile.h"
#include "PageView.h"
#include "PageTurnActions.h"
#include "PaneCycle.h"
#include "ProblemsDock.h"
#include "ProblemsPanel.h"
#include "ReadingProgress.h"
#include "ReadingSettingsController.h"
#include "ShortcutSheet.h"
#include "ThemeSwitcher.h"
#include "WindowPlacement.h"
#include "WorkbookController.h"
#include "WorkbookDock.h"
#include "WorkbookPane.h"
#include "ZoomControl.h"

#include <QAccessible>
#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QWebEngineHistory>
#include <QTimer>

#include <utility>

namespace {
constexpr int kPageMinimumWidth = 440;
}  // namespace

void MainWindow::prepareApplication()
{
    CourseSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);  // what Qt WebEngine asks of its host
}

MainWindow::MainWindow(const QString &coursePath, const QString &pageId, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent)
    , m_course(std::make_shared<Course>())
    // Chosen before the first profile starts Qt WebEngine, which sets Chromium up to match.
    , m_profile((WebCompositing::chooseOnce(), new OfflineWebProfile(this)))
{
    setWindowIcon(QIcon(QStringLiteral(":/resources/coursebook.svg")));
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_sidebar = new CourseSidebar(m_splitter);
    m_tree = m_sidebar->tree();
    m_view = new PageView(m_profile, m_splitter);
    m_lastPage = new LastPageMemory(this);
    m_themes = new ThemeSwitcher(m_profile->schemeHandler(), m_tree, this);
    m_readingSettings = new ReadingSettingsController(m_themes, m_view, m_profile->schemeHandler(), this);
    connect(m_themes, &ThemeSwitcher::pageColoursChanged, this, [this] {
        if (!m_currentPageId.isEmpty())
            m_view->reload();
    });
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);  // wide enough to find and drag, to widen the contents
    // The page never gets crushed by the panes beside it: they shrink first.
    m_view->setMinimumWidth(kPageMinimumWidth);
    setCentralWidget(m_splitter);

    m_problemsDock = new ProblemsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();

    m_workbook = std::make_unique<WorkbookController>(dataDir, this, m_view, [this](const QString &title, const QString &text) { notify(title, text); });

    m_check = new BackgroundCourseCheck(this);
    connect(m_check, &BackgroundCourseCheck::checked, this, [this](const Diagnostics &all, int activities) {
        m_problemsDock->setDiagnostics(all);
        m_workbook->dock()->fitToCourse(activities);
    });
    m_turns = new PageTurnActions(m_view, this);
    m_zoom = new ZoomControl(m_view, m_tree, m_themes, statusBar(), this);
    statusBar()->addPermanentWidget(m_turns->position());
    connect(m_turns, &PageTurnActions::previousRequested, this, &MainWindow::previousPage);
    connect(m_turns, &PageTurnActions::nextRequested, this, &MainWindow::nextPage);
    m_reading = new ReadingProgress(m_workbook->store(), m_workbook->autosaver(), m_tree, m_view, this);

    createActions();

    connect(m_tree, &NavigationTree::pageActivated, this, &MainWindow::showPage);
    connect(m_view, &QWebEngineView::urlChanged, this, &MainWindow::pageLoaded);
    connect(m_view, &PageView::pastEnd, this, &MainWindow::nextPage);
    connect(m_view, &PageView::pastStart, this, &MainWindow::previousPage);
    connect(m_tree, &NavigationTree::pageKeyPressed, m_view, &PageView::scrollByScreen);
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
        qCDebug(lcUi).noquote() << "page" << m_view->url().toString() << (ok ? "loaded" : "did not load");
        m_requestedPageId.clear();
        // Again now that the history surely holds the page: at urlChanged it may not yet, and
        // Back (Ctrl+[) stayed disabled until the next page turn.
        updateNavigationState();
        m_workbook->pageLoaded();
        m_reading->pageLoaded();
        // Checking renders every page: it starts once the course's first page is in, so the
        // web engine has the processor to itself until then.
        if (std::exchange(m_checkPending, false))
            m_check->start(m_course);
    });
    // An activity of this page opens here; one linked from elsewhere (the course home's open
    // activities) opens on its own page.
    connect(m_view->coursePage(), &CourseWebPage::activityClicked, this, [this](const QString &id) {
        if (workbookPane()->panel(id))
            openActivity(id);
        else
            showActivity(id);
    });
    connect(m_view->coursePage(), &CourseWebPage::activityExportClicked, this, [this](const QString &id) { m_workbook->exportWorksheet(id); });
    m_links = new CourseLinkOpener(m_view->coursePage(), this);
    connect(m_workbook->pane(), &WorkbookPane::linkActivated, m_links, &CourseLinkOpener::openLink);
    connect(m_links, &CourseLinkOpener::pageRequested, this, &MainWindow::showPage);
    connect(m_links, &CourseLinkOpener::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_problemsDock->panel(), &ProblemsPanel::fileActivated, this, [this](const QString &file) {
        for (const CoursePage *page : m_course->pages()) {
            if (page->relativePath == file)
                return showPage(page->id);
        }
    });

    restoreSettings();
    QString path = coursePath.isEmpty() ? CourseOpenActions::lastCourse() : coursePath;
    if (path.isEmpty())
        path = BundledCourse::path();
    if (!openCourse(path, pageId) && path != BundledCourse::path())
        openCourse(BundledCourse::path());
}

MainWindow::~MainWindow()
{
    m_lastPage->save();
    // Members go before the widget is hidden, and hiding moves the focus: stop listening first.
    disconnect(qApp, nullptr, this, nullptr);
    delete m_check;  // waits for a check still rendering pages
    m_workbook->flush();
    m_reading->writeVisit();
    // The page must go before the web profile it was made in, which is an older child.
    delete m_view;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_opening = new CourseOpenActions(file, this);
    connect(m_opening, &CourseOpenActions::courseChosen, this, [this](const QString &path) { openCourse(path); });
    connect(m_opening, &CourseOpenActions::workbookFileChosen, this, &MainWindow::workbookFileChosen);
    file->addSeparator();
    m_workbook->addFileActions(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QToolBar *toolbar = addToolBar(tr("Navigation"));
    m_turns->addTo(go, toolbar);
    go->addSeparator();
    QAction *nextPane = go->addAction(tr("Next &Pane (Contents, Page, Workbook, Notes)"), this, [this] { PaneCycle::move(this, m_tree, m_view, 1); });
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previousPane = go->addAction(tr("Previous Pane"), this, [this] { PaneCycle::move(this, m_tree, m_view, -1); });
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    toolbar->addSeparator();
    m_zoom->addTo(view, toolbar);
    view->addSeparator();
    m_themes->addMenu(view);
    m_readingSettings->addAction(view);
    m_readingSettings->addFacilitatorNotesAction(view);
    view->addSeparator();
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_problemsDock->showOnOpenAction());

    QMenu *workbook = m_workbookMenu = menuBar()->addMenu(tr("&Workbook"));
    m_workbook->addWorkbookActions(workbook);
    workbook->addAction(m_reading->markDoneAction());

    ShortcutSheet::addHelpMenu(menuBar(), this);

    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
}

void MainWindow::restoreSettings()
{
    m_themes->restore();
    m_readingSettings->restore();
    m_zoom->restore();
    WindowPlacement::restoreLayout(this, m_splitter, m_workbook->dock());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_workbook->confirmClose()) {
        event->ignore();
        return;
    }
    m_lastPage->save();
    WindowPlacement::saveLayout(this, m_splitter);
    QMainWindow::closeEvent(event);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // A clicker's Page Down / Page Up that no pane took (the focus in a toolbar, or
    // nowhere while a page turns) still pages the reading view.
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_PageDown || event->key() == Qt::Key_PageUp)) {
        m_view->scrollByScreen(event->key() == Qt::Key_PageDown ? 1 : -1);
        return;
    }
    QMainWindow::keyPressEvent(event);
}

bool MainWindow::openCourse(const QString &path, const QString &pageId)
{
    auto course = std::make_shared<Course>(CourseLoader::load(path));
    if (course->pageCount() == 0) {
        const QString why = course->diagnostics.isEmpty() ? tr("It holds no Markdown or text pages.")
                                                          : course->diagnostics.first().message;
        QMessageBox::warning(this, tr("Cannot Open Course"), tr("Nothing could be opened from %1.\n\n%2").arg(path, why));
        return false;
    }
    m_lastPage->save();  // of the course being left
    m_course = course;
    m_profile->schemeHandler()->setCourse(m_course);
    m_links->setCourseRoot(m_course->rootPath);
    m_tree->setCourse(*m_course);
    m_reading->setCourse(m_course);
    m_workbook->setCourse(m_course);
    m_sidebar->setCourseTitle(m_course->title);
    m_currentPageId.clear();
    m_requestedPageId.clear();
    m_view->history()->clear();
    m_opening->opened(path, m_course->id, m_course->rootPath);
    m_problemsDock->setDiagnostics(m_course->diagnostics);
    m_checkPending = true;

    QString start = pageId;
    if (start.isEmpty() || !m_course->findPage(start)) {
        start = LastPageMemory::pageOf(m_course->id);
        m_reading->resumeAt(start);  // where in it the learner was, too
    }
    if (!pageId.isEmpty() && !m_course->findPage(pageId))
        statusBar()->showMessage(tr("There is no page \"%1\" in this course.").arg(pageId), 8000);
    if (!m_course->findPage(start))
        start = m_course->pages().first()->id;
    showPage(start);
    emit courseOpened();
    return true;
}

QString MainWindow::coursePathOf(const QString &courseId) const
{
    return m_opening->pathOf(courseId);
}

void MainWindow::showPage(const QString &pageId)
{
    // A page asked for again before it has come (--activity at start, a second click) is
    // loaded once: a second load of the same address would cancel the first.
    if (!m_course->findPage(pageId) || pageId == m_currentPageId || pageId == m_requestedPageId)
        return;
    qCDebug(lcUi).noquote() << "loading page" << pageId;
    m_requestedPageId = pageId;
    m_view->load(CourseUrl::page(pageId));
}

void MainWindow::pageLoaded(const QUrl &url)
{
    QString pageId;
    if (CourseUrl::parse(url, &pageId) != CourseUrl::Kind::Page)
        return;
    const CoursePage *page = m_course->findPage(pageId);
    if (!page)
        return;
    qCDebug(lcUi).noquote() << "showing page" << pageId;
    if (pageId != m_currentPageId)
        m_workbook->pageShown(page, m_profile->schemeHandler()->renderer()->renderBody(*page).activities);
    m_currentPageId = pageId;
    m_reading->pageShown(pageId);
    emit pageShown(pageId);
    if (!m_activityToOpen.isEmpty()) {
        const QString id = std::exchange(m_activityToOpen, QString());
        QTimer::singleShot(0, this, [this, id] { openActivity(id); });
    }
    m_tree->selectPage(pageId);
    m_lastPage->pageShown(m_course->id, pageId);
    setWindowTitle(QStringLiteral("%1 – %2 – Coursebook").arg(page->title, m_course->title));
    // Screen readers learn of a page turn from the window's name (Qt 6.4 sends no event
    // for a title change by itself).
    QAccessibleEvent titleChanged(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&titleChanged);
    updateNavigationState();
}

void MainWindow::updateNavigationState()
{
    m_turns->update(*m_course, m_currentPageId);
}

void MainWindow::nextPage()
{
    showPage(PageTurnActions::neighbour(*m_course, m_currentPageId, 1));
}

void MainWindow::previousPage()
{
    showPage(PageTurnActions::neighbour(*m_course, m_currentPageId, -1));
}

void MainWindow::notify(const QString &title, const QString &text)
{
    qCWarning(lcUi).noquote() << title << "-" << text;
    // Never modal: a message must not stop the window (or a test driving it) from working.
    // (QDialog::open() would make it window-modal, and a message box starts out modal.)
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

ProblemsPanel *MainWindow::problemsPanel() const
{
    return m_problemsDock->panel();
}

WorkbookPane *MainWindow::workbookPane() const
{
    return m_workbook->pane();
}

AnswerStore *MainWindow::answerStore() const
{
    return m_workbook->store();
}

AnswerAutosaver *MainWindow::autosaver() const
{
    return m_workbook->autosaver();
}

const QVector<ActivitySpec> &MainWindow::pageActivities() const
{
    return m_workbook->activities();
}

void MainWindow::openActivity(const QString &activityId)
{
    if (!m_workbook->openActivity(activityId))
        statusBar()->showMessage(tr("That activity is not on this page."), 4000);
}

bool MainWindow::showActivity(const QString &activityId)
{
    const CoursePage *page = m_profile->schemeHandler()->renderer()->pageHolding(activityId);
    if (!page) {
        statusBar()->showMessage(tr("There is no activity \"%1\" in this course.").arg(activityId), 8000);
        return false;
    }
    if (page->id == m_currentPageId) {
        openActivity(activityId);
    } else {
        m_activityToOpen = activityId;
        showPage(page->id);
    }
    return true;
}
