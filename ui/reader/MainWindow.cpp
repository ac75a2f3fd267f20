#include "MainWindow.h"

#include "UiLog.h"
#include "WebCompositing.h"

#include "BundledCourse.h"
#include "CourseLinkOpener.h"
#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"
#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "PageRenderer.h"
#include "WorkbookDock.h"
#include "WorkbookPane.h"
#include "AboutDialog.h"
#include "ActivityCards.h"
#include "AfterPagePaint.h"
#include "BackgroundCourseCheck.h"
#include "ActivityPanel.h"
#include "AnswerActions.h"
#include "NavigationTree.h"
#include "OfflineWebProfile.h"
#include "PageView.h"
#include "PageTurnActions.h"
#include "PaneCycle.h"
#include "ProblemsDock.h"
#include "ProblemsPanel.h"
#include "ReadingProgress.h"
#include "RecentCourses.h"
#include "ReadingSettingsController.h"
#include "ShortcutSheet.h"
#include "ThemeSwitcher.h"
#include "WindowPlacement.h"
#include "WorksheetExportFlow.h"
#include "ZoomControl.h"

#include <QAccessible>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QKeyEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWebEngineHistory>
#include <QTimer>

#include <utility>

namespace {
const QString kLastCourse = QStringLiteral("course/last");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
constexpr int kLastPageQuietMs = 2000;
QString lastPageKey(const QString &courseId) { return QStringLiteral("course/%1/lastPage").arg(courseId); }
constexpr int kPageMinimumWidth = 440;
constexpr int kPaneMinimumWidth = 300;
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
    auto *sidebar = new QWidget(m_splitter);
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    m_courseTitle = new QLabel(sidebar);
    m_courseTitle->setObjectName(QStringLiteral("courseTitle"));
    m_courseTitle->setWordWrap(true);
    m_courseTitle->setTextFormat(Qt::PlainText);
    m_courseTitle->setContentsMargins(12, 10, 12, 10);
    m_tree = new NavigationTree(sidebar);
    m_courseTitle->setBuddy(m_tree);
    sidebarLayout->addWidget(m_courseTitle);
    sidebarLayout->addWidget(m_tree, 1);
    m_view = new PageView(m_profile, m_splitter);
    m_afterPaint = new AfterPagePaint(m_view, this);
    m_lastPageSave.setSingleShot(true);
    m_lastPageSave.setInterval(kLastPageQuietMs);
    connect(&m_lastPageSave, &QTimer::timeout, this, &MainWindow::saveLastPage);
    m_themes = new ThemeSwitcher(m_profile->schemeHandler(), m_tree, this);
    m_readingSettings = new ReadingSettingsController(m_themes, m_view, m_profile->schemeHandler(), this);
    connect(m_themes, &ThemeSwitcher::pageColoursChanged, this, [this] {
        if (!m_currentPageId.isEmpty())
            m_view->reload();
    });
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);  // wide enough to find and drag, to widen the contents
    sidebar->setMinimumWidth(160);
    // The page never gets crushed by the panes beside it: they shrink first.
    m_view->setMinimumWidth(kPageMinimumWidth);
    setCentralWidget(m_splitter);

    m_problemsDock = new ProblemsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();

    openAnswerStore(dataDir);
    m_workbook = new WorkbookPane(m_store.get(), m_autosaver.get(), this);
    m_workbookDock = new WorkbookDock(m_workbook, this);
    m_workbookDock->setMinimumWidth(kPaneMinimumWidth);
    addDockWidget(Qt::RightDockWidgetArea, m_workbookDock);
    connect(m_autosaver.get(), &AnswerAutosaver::stateChanged, this, [this](const QString &, AnswerAutosaver::State state) {
        if (state != AnswerAutosaver::State::Saving)
            updateActivityCards();
    });
    const auto warn = [this](const QString &title, const QString &text) { notify(title, text); };
    m_answerActions = new AnswerActions(m_store.get(), m_autosaver.get(), warn, this);
    m_worksheetExport = new WorksheetExportFlow(m_store.get(), m_autosaver.get(), warn, this);
    connect(m_workbook, &WorkbookPane::historyRequested, this,
            [this](const ActivitySpec &spec) { m_answerActions->showHistory(m_course->id, spec); });
    connect(m_answerActions, &AnswerActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_answerActions, &AnswerActions::answersImported, this, [this] {
        m_afterPaint->runNow();
        m_workbook->showActivities(m_course->id, m_activities);
        updateActivityCards();
    });
    connect(m_answerActions, &AnswerActions::answerRestored, this, [this](const QString &activityId) {
        if (ActivityPanel *panel = workbookPane()->panel(activityId))
            panel->setAnswer(m_store->answer(m_course->id, activityId));
        updateActivityCards();
    });
    connect(m_workbook, &WorkbookPane::exportRequested, this, [this](const ActivitySpec &spec) { exportWorksheet(spec.id); });
    // Leaving an editor commits its words at once, not after the quiet time.
    connect(qApp, &QApplication::focusChanged, this, [this] {
        if (m_autosaver->hasPending())
            m_autosaver->flush();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { m_autosaver->flush(); });

    m_check = new BackgroundCourseCheck(this);
    connect(m_check, &BackgroundCourseCheck::checked, this, [this](const Diagnostics &all, int activities) {
        m_problemsDock->setDiagnostics(all);
        m_workbookDock->fitToCourse(activities);
    });
    m_turns = new PageTurnActions(m_view, this);
    m_zoom = new ZoomControl(m_view, m_tree, m_themes, statusBar(), this);
    statusBar()->addPermanentWidget(m_turns->position());
    connect(m_turns, &PageTurnActions::previousRequested, this, &MainWindow::previousPage);
    connect(m_turns, &PageTurnActions::nextRequested, this, &MainWindow::nextPage);
    m_reading = new ReadingProgress(m_store.get(), m_autosaver.get(), m_tree, m_view, this);

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
        updateActivityCards();
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
    connect(m_view->coursePage(), &CourseWebPage::activityExportClicked, this, [this](const QString &id) { exportWorksheet(id); });
    m_links = new CourseLinkOpener(m_view->coursePage(), this);
    connect(m_workbook, &WorkbookPane::linkActivated, m_links, &CourseLinkOpener::openLink);
    connect(m_links, &CourseLinkOpener::pageRequested, this, &MainWindow::showPage);
    connect(m_links, &CourseLinkOpener::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_problemsDock->panel(), &ProblemsPanel::fileActivated, this, [this](const QString &file) {
        for (const CoursePage *page : m_course->pages()) {
            if (page->relativePath == file)
                return showPage(page->id);
        }
    });

    restoreSettings();
    QSettings settings;
    QString path = coursePath;
    if (path.isEmpty()) {
        path = settings.value(kLastCourse).toString();
        if (path.isEmpty() || !QFileInfo::exists(path))
            path = BundledCourse::path();
    }
    if (!openCourse(path, pageId) && path != BundledCourse::path())
        openCourse(BundledCourse::path());
}

MainWindow::~MainWindow()
{
    saveLastPage();
    // Members go before the widget is hidden, and hiding moves the focus: stop listening first.
    disconnect(qApp, nullptr, this, nullptr);
    delete m_check;  // waits for a check still rendering pages
    m_autosaver->flush();
    m_reading->writeVisit();
    // The page must go before the web profile it was made in, which is an older child.
    delete m_view;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFolder = file->addAction(tr("Open Course &Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Course Folder"), m_course->rootPath);
        if (!dir.isEmpty())
            openCourse(dir);
    });
    openFolder->setShortcut(QKeySequence::Open);
    QAction *openFile = file->addAction(tr("Open Fi&le…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open File"), m_course->rootPath,
            tr("Courses and workbooks (*.md *.markdown *.txt *.coursebook);;Markdown and text (*.md *.markdown *.txt);;"
               "Coursebook workbooks (*.coursebook);;All files (*)"));
        if (path.endsWith(QStringLiteral(".coursebook"), Qt::CaseInsensitive))
            emit workbookFileChosen(path);
        else if (!path.isEmpty())
            openCourse(path);
    });
    openFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recent = new RecentCourses(file->addMenu(tr("Open &Recent")), [this](const QString &path) { openCourse(path); }, this);
    file->addSeparator();
    QAction *exportWorksheetAction = file->addAction(tr("Export &Worksheet…"), this, [this] { exportWorksheet(); });
    exportWorksheetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("&Export Answers…"), this, [this] { m_answerActions->exportAnswers(*m_course); });
    file->addAction(tr("&Import Answers…"), this, [this] { m_answerActions->importAnswers(*m_course); });
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
    m_facilitatorNotes = view->addAction(tr("Show &Facilitator Notes"), this, [this](bool on) {
        PageRenderer::Options options = m_profile->schemeHandler()->renderOptions();
        options.showFacilitatorNotes = on;
        m_profile->schemeHandler()->setRenderOptions(options);
        m_view->reload();
    });
    m_facilitatorNotes->setCheckable(true);
    view->addSeparator();
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_problemsDock->showOnOpenAction());

    QMenu *workbook = m_workbookMenu = menuBar()->addMenu(tr("&Workbook"));
    workbook->addAction(m_workbookDock->toggleViewAction());
    workbook->addAction(m_reading->markDoneAction());
    workbook->addAction(tr("Answers &Without an Activity…"), this, [this] { m_answerActions->showOrphanAnswers(*m_course); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutSheet sheet(menuBar(), this);
        sheet.exec();
    });
    keys->setShortcuts({QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    help->addAction(tr("&About Coursebook"), this, [this] { AboutDialog(this).exec(); });

    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    m_themes->restore();
    m_readingSettings->restore();
    m_zoom->restore();
    WindowPlacement::restore(this, settings.value(kGeometry).toByteArray());
    // The contents get a fifth of the window and the Workbook under a third, so the page
    // keeps the most room on any screen.
    const int width = this->width();
    if (!restoreState(settings.value(kState).toByteArray()))
        resizeDocks({m_workbookDock}, {qBound(kPaneMinimumWidth, width * 30 / 100, 560)}, Qt::Horizontal);
    if (!m_splitter->restoreState(settings.value(kSplitter).toByteArray())) {
        const int sidebar = qBound(200, width / 5, 380);
        m_splitter->setSizes({sidebar, width - sidebar});
    }
}

void MainWindow::saveLastPage()
{
    m_lastPageSave.stop();
    if (std::exchange(m_lastPagePending, false))
        QSettings().setValue(lastPageKey(m_course->id), m_currentPageId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_autosaver->flush()) {
        const auto answer = QMessageBox::warning(this, tr("Answers Not Saved"),
            tr("Some of your latest answers could not be saved, so they would be lost if you quit now."
               "\n\nKeep Coursebook open and free some disk space (or fix the data folder's permissions); "
               "saving is retried every few seconds."),
            QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveLastPage();
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    settings.setValue(kSplitter, m_splitter->saveState());
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
    saveLastPage();  // of the course being left
    m_course = course;
    m_profile->schemeHandler()->setCourse(m_course);
    m_links->setCourseRoot(m_course->rootPath);
    m_tree->setCourse(*m_course);
    m_reading->setCourse(m_course);
    m_courseTitle->setText(m_course->title);
    m_currentPageId.clear();
    m_requestedPageId.clear();
    m_view->history()->clear();
    QSettings().setValue(kLastCourse, QFileInfo(path).absoluteFilePath());
    m_recent->add(path, m_course->id);
    m_problemsDock->setDiagnostics(m_course->diagnostics);
    m_checkPending = true;

    QString start = pageId;
    if (start.isEmpty() || !m_course->findPage(start)) {
        start = QSettings().value(lastPageKey(m_course->id)).toString();
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
    return m_recent->pathOf(courseId);
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
    if (pageId != m_currentPageId) {
        // Not waiting for the writer when no words are waiting: it may be syncing a reading position.
        if (m_autosaver->hasPending())
            m_autosaver->flush();
        m_activities = m_profile->schemeHandler()->renderer()->renderBody(*page).activities;
        // Building the editors (widgets, their answers, their painting) would hold the page
        // turn up by a frame or two: the page is drawn first.
        m_afterPaint->schedule([this, courseId = m_course->id, activities = m_activities] {
            m_workbook->showActivities(courseId, activities);
        });
    }
    m_currentPageId = pageId;
    m_reading->pageShown(pageId);
    emit pageShown(pageId);
    if (!m_activityToOpen.isEmpty()) {
        const QString id = std::exchange(m_activityToOpen, QString());
        QTimer::singleShot(0, this, [this, id] { openActivity(id); });
    }
    m_tree->selectPage(pageId);
    m_lastPagePending = true;
    m_lastPageSave.start();
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

void MainWindow::openAnswerStore(const QString &dataDir)
{
    m_store = std::make_unique<AnswerStore>();
    const AnswerStore::OpenReport report = m_store->open(dataDir.isEmpty() ? AnswerStore::defaultDataDir() : dataDir);
    m_autosaver = std::make_unique<AnswerAutosaver>(m_store.get());
    if (report.status != AnswerStore::OpenReport::Status::Ok)
        QTimer::singleShot(0, this, [this, report] { notify(tr("Your Answers"), report.message); });
}

ProblemsPanel *MainWindow::problemsPanel() const
{
    return m_problemsDock->panel();
}

WorkbookPane *MainWindow::workbookPane() const
{
    m_afterPaint->runNow();
    return m_workbook;
}

void MainWindow::openActivity(const QString &activityId)
{
    m_afterPaint->runNow();
    if (!m_workbookDock->openActivity(activityId))
        statusBar()->showMessage(tr("That activity is not on this page."), 4000);
}

bool MainWindow::showActivity(const QString &activityId)
{
    const PageRenderer &renderer = *m_profile->schemeHandler()->renderer();
    for (const CoursePage *page : m_course->pages()) {
        const QVector<ActivitySpec> activities = renderer.renderBody(*page).activities;
        if (std::none_of(activities.begin(), activities.end(), [&](const ActivitySpec &a) { return a.id == activityId; }))
            continue;
        if (page->id == m_currentPageId) {
            openActivity(activityId);
        } else {
            m_activityToOpen = activityId;
            showPage(page->id);
        }
        return true;
    }
    statusBar()->showMessage(tr("There is no activity \"%1\" in this course.").arg(activityId), 8000);
    return false;
}

void MainWindow::updateActivityCards()
{
    ActivityCards::showProgress(m_view->page(), m_course->id, m_activities, *m_store, *m_autosaver);
}

void MainWindow::exportWorksheet(const QString &activityId)
{
    m_worksheetExport->run(*m_course, m_course->findPage(m_currentPageId), m_activities, activityId);
}
