#include "PresentationSession.h"

#include "ActivityTimer.h"
#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "AudienceWindow.h"
#include "ClickerTestDialog.h"
#include "CourseSchemeHandler.h"
#include "MainWindow.h"
#include "OfflineWebProfile.h"
#include "PageView.h"
#include "PresentationController.h"
#include "PresentationKeySheet.h"
#include "PresentationScreens.h"
#include "PresenterConsole.h"
#include "ReadingSettingsController.h"
#include "ScreenSaverInhibitor.h"
#include "SlideDocument.h"
#include "SlideGridPanel.h"
#include "ThemeSwitcher.h"

#include <QGuiApplication>
#include <QScreen>

PresentationSession::PresentationSession(MainWindow *window, WorkshopRecords *records, const QString &moduleId,
                                         const QString &pageId, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_moduleId(moduleId)
    , m_controller(new PresentationController(this))
    , m_startPage(pageId)
{
    const Course &course = window->course();
    const PageRenderer renderer(course);
    if (const CourseModule *module = course.findModule(moduleId)) {
        for (const CoursePage &page : module->pages) {
            for (const ActivitySpec &spec : renderer.render(page).activities) {
                if (!m_activities.contains(spec.id))  // a revisit shows the same grid
                    m_activities.insert(spec.id, spec);
            }
        }
    }
    m_controller->setKeyMap(ClickerKeyMap::load());
    m_controller->setZoom(window->pageView()->zoom());  // the reading zoom, then the room's

    m_audience = new AudienceWindow(window->webProfile(), m_controller);
    m_console = new PresenterConsole(m_controller);
    m_grids = new SlideGridPanel(records, course.id, moduleId);
    m_screens = new PresentationScreens(m_audience, m_console, this);
    m_inhibitor = new ScreenSaverInhibitor(this);
    m_timer = new ActivityTimer(this);

    connect(m_controller, &PresentationController::ended, this, &PresentationSession::finished);
    connect(m_controller, &PresentationController::currentChanged, this, &PresentationSession::slideChanged);
    connect(m_controller, &PresentationController::zoomChanged, this, &PresentationSession::rebuildIfChanged);
    connect(m_controller, &PresentationController::showOwnAnswersChanged, this, &PresentationSession::rebuildIfChanged);
    connect(window->themeSwitcher(), &ThemeSwitcher::pageColoursChanged, this, &PresentationSession::rebuildIfChanged);
    connect(window->readingSettings(), &ReadingSettingsController::changed, this, &PresentationSession::rebuildIfChanged);
    connect(m_controller, &PresentationController::consoleToggleRequested, m_screens, &PresentationScreens::toggleConsole);
    connect(m_controller, &PresentationController::swapScreensRequested, m_screens, &PresentationScreens::swap);
    connect(m_console, &PresenterConsole::swapScreensRequested, m_screens, &PresentationScreens::swap);
    connect(m_controller, &PresentationController::keySheetRequested, this, &PresentationSession::showKeySheet);
    connect(m_controller, &PresentationController::clickerTestRequested, this, &PresentationSession::showClickerTest);
    // PresentationScreens hides the console's notes when mirroring starts: hiding them again
    // on every placement would undo the facilitator's confirmation.
    connect(m_screens, &PresentationScreens::placed, this, [this] {
        keepWindowOffTheWall();
        rebuildIfChanged();  // a projector plugged in or out: the deck for its size, at the same place
    });
    connect(m_grids, &SlideGridPanel::gridChanged, m_audience,
            [this](const ActivitySpec &spec, const Answer &grid) { m_audience->setGrid(spec.id, SlideDocument::gridHtml(spec, grid)); });
    connect(m_console, &PresenterConsole::activityTimerRequested, m_timer, &ActivityTimer::start);
    connect(m_timer, &ActivityTimer::textChanged, m_audience, &AudienceWindow::setCountdown);
    connect(m_timer, &ActivityTimer::textChanged, m_console, &PresenterConsole::showActivityTime);

    m_screens->start();
    keepWindowOffTheWall();
    rebuildIfChanged();  // unless placing the windows has built the deck already
    m_inhibitor->inhibit(tr("Presenting slides"));
}

PresentationSession::~PresentationSession()
{
    delete m_screens;  // stops placing the windows before they go
    m_console->setGroupGridEditor(nullptr);
    delete m_grids;    // writes the last group grid edit
    m_window->webProfile()->schemeHandler()->clearSlides();
    delete m_audience;
    delete m_console;
    putWindowBack();
}

PresentationSession::Built PresentationSession::wanted() const
{
    const QScreen *screen = m_screens->audienceScreen() ? m_screens->audienceScreen() : m_audience->screen();
    const PageRenderer::Options &render = m_window->webProfile()->schemeHandler()->renderOptions();
    return {screen->size(), m_controller->zoom(), render.theme, m_controller->showsOwnAnswers(), render.reading};
}

void PresentationSession::rebuildIfChanged()
{
    if (!(wanted() == m_built))
        rebuild();
}

void PresentationSession::rebuild()
{
    // The deck's split depends on the screen and the zoom (SlideBudget): a new deck, loaded
    // once; the slide showing stays the same section of the same page.
    m_built = wanted();
    const PageRenderer::Options render = m_window->webProfile()->schemeHandler()->renderOptions();
    const SlideDeck deck = SlideDeck::forModule(m_window->course(), m_moduleId, render, SlideBudget::forScreen(m_built.screen, m_built.zoom));
    const SlideDeck &old = m_controller->deck();
    const int current = old.isEmpty() ? qMax(0, deck.firstSlideOf(m_startPage)) : deck.matching(old.slides().at(m_controller->current()));

    SlideDocument::Options options;
    options.theme = m_built.theme;
    options.reading = m_built.reading;
    options.zoom = m_built.zoom;
    options.activities = m_activities;
    if (m_built.ownAnswers) {
        const QString courseId = m_window->course().id;
        for (const ActivitySpec &spec : std::as_const(m_activities)) {
            std::optional<Answer> answer = m_window->autosaver()->pending(courseId, spec.id);
            if (!answer)
                answer = m_window->answerStore()->answer(courseId, spec.id);
            if (answer)
                options.gridAnswers.insert(spec.id, *answer);
        }
    }
    const QHash<QString, Answer> groupGrids = m_grids->grids();  // what the room typed wins over one person's answers
    for (auto it = groupGrids.cbegin(); it != groupGrids.cend(); ++it)
        options.gridAnswers.insert(it.key(), it.value());

    m_window->webProfile()->schemeHandler()->setSlides(m_moduleId, SlideDocument::html(deck, options).toUtf8());
    m_audience->load(m_moduleId);
    m_controller->setDeck(deck, current);
}

void PresentationSession::slideChanged(int index)
{
    // The console holds the group grid only on a slide that has one.
    const Slide &slide = m_controller->deck().slides().at(index);
    std::optional<ActivitySpec> spec;
    if (slide.kind == Slide::Kind::Activity && m_activities.contains(slide.activityId))
        spec = m_activities.value(slide.activityId);
    m_grids->showActivity(spec);
    m_console->setGroupGridEditor(spec && SlideGridPanel::hasGroupGrid(*spec) ? m_grids : nullptr);
}

void PresentationSession::keepWindowOffTheWall()
{
    // What the reading window shows over itself (a save error, a question) must not open on
    // the projector: with a second screen, the window waits on the console's.
    QScreen *console = m_screens->consoleScreen();
    if (!console || m_window->screen() != m_screens->audienceScreen())
        return;
    if (!m_windowBefore) {
        m_windowBefore = m_window->normalGeometry();
        m_windowMaximizedBefore = m_window->isMaximized();
    }
    if (m_window->isMaximized() || m_window->isFullScreen())
        m_window->showNormal();
    const QRect area = console->availableGeometry();
    m_window->setGeometry(QRect(area.topLeft(), m_window->size().boundedTo(area.size())));
}

void PresentationSession::putWindowBack()
{
    // The facilitator put the reading window there; the presentation only borrowed the screen.
    if (!m_windowBefore || !QGuiApplication::screenAt(m_windowBefore->center()))
        return;
    m_window->setGeometry(*m_windowBefore);
    if (m_windowMaximizedBefore)
        m_window->showMaximized();
}

QWidget *PresentationSession::dialogParent() const
{
    return m_console->isVisible() ? static_cast<QWidget *>(m_console) : m_window;
}

void PresentationSession::showKeySheet()
{
    auto *sheet = new PresentationKeySheet(m_controller->keyMap(), dialogParent());
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->show();
    sheet->raise();
    sheet->activateWindow();
}

void PresentationSession::showClickerTest()
{
    auto *test = new ClickerTestDialog(m_controller->keyMap(), dialogParent());
    test->setAttribute(Qt::WA_DeleteOnClose);
    connect(test, &ClickerTestDialog::keysChanged, m_controller, &PresentationController::setKeyMap);
    test->show();
    test->raise();
    test->activateWindow();
}
