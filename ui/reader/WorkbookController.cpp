#include "WorkbookController.h"

#include "ActivityCards.h"
#include "ActivityPanel.h"
#include "AfterPagePaint.h"
#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "PageView.h"
#include "WorkbookDock.h"
#include "WorkbookPane.h"
#include "WorksheetExportFlow.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace {
constexpr int kPaneMinimumWidth = 300;
}  // namespace

WorkbookController::WorkbookController(const QString &dataDir, QMainWindow *window, PageView *view, AnswerActions::Notify notify)
    : m_window(window)
    , m_view(view)
    , m_store(std::make_unique<AnswerStore>())
{
    const AnswerStore::OpenReport report = m_store->open(dataDir.isEmpty() ? AnswerStore::defaultDataDir() : dataDir);
    m_autosaver = std::make_unique<AnswerAutosaver>(m_store.get());
    if (report.status != AnswerStore::OpenReport::Status::Ok)
        QTimer::singleShot(0, this, [notify, report] { notify(tr("Your Answers"), report.message); });

    m_afterPaint = new AfterPagePaint(view, this);
    m_pane = new WorkbookPane(m_store.get(), m_autosaver.get(), window);
    m_dock = new WorkbookDock(m_pane, window);
    m_dock->setMinimumWidth(kPaneMinimumWidth);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    connect(m_autosaver.get(), &AnswerAutosaver::stateChanged, this, [this](const QString &, AnswerAutosaver::State state) {
        if (state != AnswerAutosaver::State::Saving)
            updateActivityCards();
    });
    m_answerActions = new AnswerActions(m_store.get(), m_autosaver.get(), notify, window);
    m_worksheetExport = new WorksheetExportFlow(m_store.get(), m_autosaver.get(), notify, window);
    connect(m_pane, &WorkbookPane::historyRequested, this, [this](const ActivitySpec &spec) { m_answerActions->showHistory(m_course->id, spec); });
    connect(m_answerActions, &AnswerActions::statusMessage, window->statusBar(), &QStatusBar::showMessage);
    connect(m_answerActions, &AnswerActions::answersImported, this, [this] {
        m_afterPaint->runNow();
        m_pane->showActivities(m_course->id, m_activities);
        updateActivityCards();
    });
    connect(m_answerActions, &AnswerActions::answerRestored, this, [this](const QString &activityId) {
        if (ActivityPanel *panel = pane()->panel(activityId))
            panel->setAnswer(m_store->answer(m_course->id, activityId));
        updateActivityCards();
    });
    connect(m_pane, &WorkbookPane::exportRequested, this, [this](const ActivitySpec &spec) { exportWorksheet(spec.id); });
    // Leaving an editor commits its words at once, not after the quiet time.
    connect(qApp, &QApplication::focusChanged, this, [this] {
        if (m_autosaver->hasPending())
            m_autosaver->flush();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WorkbookController::flush);
}

WorkbookController::~WorkbookController()
{
    // Hiding the window on the way out moves the focus: nothing is listened to any more.
    disconnect(qApp, nullptr, this, nullptr);
    flush();
}

void WorkbookController::flush()
{
    m_autosaver->flush();
}

WorkbookPane *WorkbookController::pane() const
{
    m_afterPaint->runNow();
    return m_pane;
}

void WorkbookController::addFileActions(QMenu *file)
{
    QAction *exportWorksheetAction = file->addAction(tr("Export &Worksheet…"), this, [this] { exportWorksheet(); });
    exportWorksheetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("&Export Answers…"), this, [this] { m_answerActions->exportAnswers(*m_course); });
    file->addAction(tr("&Import Answers…"), this, [this] { m_answerActions->importAnswers(*m_course); });
}

void WorkbookController::addWorkbookActions(QMenu *workbook)
{
    workbook->addAction(m_dock->toggleViewAction());
    workbook->addAction(tr("Answers &Without an Activity…"), this, [this] { m_answerActions->showOrphanAnswers(*m_course); });
}

void WorkbookController::setCourse(const std::shared_ptr<const Course> &course)
{
    m_course = course;
    m_page = nullptr;
}

void WorkbookController::pageShown(const CoursePage *page, const QVector<ActivitySpec> &activities)
{
    // Not waiting for the writer when no words are waiting: it may be syncing a reading position.
    if (m_autosaver->hasPending())
        m_autosaver->flush();
    m_page = page;
    m_activities = activities;
    // Building the editors (widgets, their answers, their painting) would hold the page turn
    // up by a frame or two: the page is drawn first.
    m_afterPaint->schedule([this, courseId = m_course->id, activities] { m_pane->showActivities(courseId, activities); });
}

void WorkbookController::pageLoaded()
{
    updateActivityCards();
}

bool WorkbookController::openActivity(const QString &activityId)
{
    m_afterPaint->runNow();
    return m_dock->openActivity(activityId);
}

void WorkbookController::exportWorksheet(const QString &activityId)
{
    m_worksheetExport->run(*m_course, m_page, m_activities, activityId);
}

bool WorkbookController::confirmClose()
{
    if (m_autosaver->flush())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Answers Not Saved"),
        tr("Some of your latest answers could not be saved, so they would be lost if you quit now."
           "\n\nKeep Coursebook open and free some disk space (or fix the data folder's permissions); "
           "saving is retried every few seconds."),
        QMessageBox::Cancel | QMessageBox::Discard, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void WorkbookController::updateActivityCards()
{
    if (m_course)
        ActivityCards::showProgress(m_view->page(), m_course->id, m_activities, *m_store, *m_autosaver);
}
