#include "FindController.h"

#include "AnswerStore.h"
#include "Course.h"
#include "CourseSearchPanel.h"
#include "FindBar.h"
#include "MainWindow.h"
#include "PageHighlighter.h"
#include "PageView.h"
#include "SearchIndex.h"
#include "SearchWorker.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QStatusBar>
#include <QWebEngineScript>

#include <memory>
#include <utility>

namespace {
constexpr int kMessageMs = 8000;

// The Edit menu, made before Go when no one has made it yet.
QMenu *editMenu(QMenuBar *bar)
{
    const QList<QAction *> menus = bar->actions();
    for (QAction *action : menus) {
        if (action->menu() && action->menu()->objectName() == QLatin1String("editMenu"))
            return action->menu();
    }
    auto *edit = new QMenu(QObject::tr("&Edit"), bar);
    edit->setObjectName(QStringLiteral("editMenu"));
    bar->insertMenu(menus.size() > 1 ? menus.at(1) : nullptr, edit);
    return edit;
}
}  // namespace

FindController::FindController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_highlighter(new PageHighlighter(window->pageView()->page(), window->pageView()))
    , m_bar(new FindBar(m_highlighter, window))
    , m_panel(new CourseSearchPanel(window))
    , m_worker(new SearchWorker(window->answerStore()->databasePath()))
    , m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), window->pageView()))
{
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<QVector<SearchHit>>();
    qRegisterMetaType<std::shared_ptr<const Course>>();
    m_window->addToolBar(Qt::BottomToolBarArea, m_bar);
    m_bar->hide();

    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_panel, &CourseSearchPanel::searchRequested, m_worker, &SearchWorker::search);
    connect(m_worker, &SearchWorker::results, m_panel, &CourseSearchPanel::showResults);
    connect(m_worker, &SearchWorker::indexReady, m_panel, [this] { m_panel->setIndexReady(true); });
    connect(m_worker, &SearchWorker::failed, m_panel, &CourseSearchPanel::showFailure);
    connect(m_panel, &CourseSearchPanel::hitActivated, this, &FindController::openHit);
    m_thread.setObjectName(QStringLiteral("course search"));
    m_thread.start();

    // Checking the index reads (and may render) every page: it waits for the page to be in,
    // so the web engine has the processor to itself while it paints a course's first page.
    connect(m_window->pageView(), &QWebEngineView::loadFinished, this, &FindController::courseMaybeChanged);
    connect(m_window->pageView(), &QWebEngineView::loadFinished, this, &FindController::pageLoaded);
    connect(m_highlighter, &PageHighlighter::matchesChanged, this, [this](int current, int count) {
        if (m_bar->isVisible() || m_highlighter->needles().isEmpty())
            return;  // the find bar says it itself
        m_window->statusBar()->showMessage(
            count == 0 ? tr("No matches on this page") : tr("Match %1 of %2: F3 for the next, Esc to go back").arg(current).arg(count),
            kMessageMs);
    });
    // Esc in the page, after a hit was opened: back to where the search started.
    m_escape->setContext(Qt::WidgetWithChildrenShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, &FindController::goBack);
    createActions();
    if (!m_window->currentPageId().isEmpty())  // made after the page was shown
        courseMaybeChanged();
}

FindController::~FindController()
{
    m_thread.quit();
    m_thread.wait();
}

void FindController::createActions()
{
    QMenu *edit = editMenu(m_window->menuBar());
    QAction *find = edit->addAction(tr("&Find in Page…"), this, [this] { m_bar->open(); });
    find->setShortcut(QKeySequence::Find);
    QAction *search = edit->addAction(tr("&Search Course…"), this, [this] { m_panel->open(); });
    search->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)});
    edit->addSeparator();
    QAction *next = edit->addAction(tr("Find &Next"), this, [this] { findAgain(1); });
    next->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *previous = edit->addAction(tr("Find &Previous"), this, [this] { findAgain(-1); });
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
}

void FindController::courseMaybeChanged()
{
    const Course &course = m_window->course();
    const QString key = course.id + QLatin1Char('\n') + course.rootPath;
    if (key == m_courseKey || course.rootPath.isEmpty())
        return;
    m_courseKey = key;
    m_panel->setIndexReady(false);
    QMetaObject::invokeMethod(m_worker, "setCourse", Qt::QueuedConnection, Q_ARG(std::shared_ptr<const Course>, m_window->sharedCourse()));
}

void FindController::findAgain(int direction)
{
    if (m_highlighter->count() > 0)
        m_highlighter->step(direction);
    else
        m_bar->open();  // nothing to step through yet: say what to find
}

void FindController::openHit(const SearchHit &hit, const QString &userText)
{
    m_bar->hide();
    const QStringList terms = SearchIndex::matchTerms(userText);
    // Where to come back to: this page, its scroll, and the focus before the search panel.
    const QString from = m_window->currentPageId();
    const QPointer<QWidget> focus = QApplication::focusWidget() ? QApplication::focusWidget() : m_window->pageView();
    const QPointer<FindController> self(this);
    m_window->pageView()->page()->runJavaScript(
        QStringLiteral("(document.scrollingElement || document.documentElement).scrollTop"), QWebEngineScript::ApplicationWorld,
        [self, hit, terms, from, focus](const QVariant &scroll) {
            if (!self)
                return;
            if (self->m_returnPage.isEmpty()) {  // a second hit still returns to the first place
                self->m_returnPage = from;
                self->m_returnScroll = scroll.toDouble();
                self->m_returnFocus = focus;
            }
            self->m_pendingHit = hit;
            self->m_pendingTerms = terms;
            self->m_escape->setEnabled(true);
            if (self->m_window->currentPageId() == hit.pageId)
                self->pageLoaded();
            else
                self->m_window->showPage(hit.pageId);
        });
}

void FindController::pageLoaded()
{
    if (m_returning) {
        m_returning = false;
        m_window->pageView()->page()->runJavaScript(QStringLiteral("window.scrollTo(0, %1)").arg(m_returnScroll),
                                                    QWebEngineScript::ApplicationWorld);
        if (m_returnFocus)
            m_returnFocus->setFocus(Qt::OtherFocusReason);
        m_returnPage.clear();
        emit returned();
        return;
    }
    m_bar->findAgain();  // a page reloaded with the bar open (a new theme) is marked again
    if (!m_pendingHit || m_window->currentPageId() != m_pendingHit->pageId) {
        // The learner went elsewhere on their own: Esc no longer goes back.
        if (!m_pendingHit && m_window->currentPageId() != m_returnPage) {
            m_returnPage.clear();
            m_escape->setEnabled(false);
        }
        return;
    }
    const SearchHit hit = *std::exchange(m_pendingHit, std::nullopt);
    m_highlighter->highlight(m_pendingTerms);
    if (hit.kind == SearchHit::Kind::Answer)
        m_window->openActivity(hit.activityId);  // its editor in view in the Workbook
    else
        m_window->pageView()->setFocus(Qt::OtherFocusReason);
    emit hitOpened(hit);
}

void FindController::goBack()
{
    if (m_returnPage.isEmpty())
        return;
    m_escape->setEnabled(false);
    m_highlighter->clear();
    m_returning = true;
    if (m_window->currentPageId() == m_returnPage)
        pageLoaded();
    else
        m_window->showPage(m_returnPage);
}
