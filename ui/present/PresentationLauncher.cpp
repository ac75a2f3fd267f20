#include "PresentationLauncher.h"

#include "AnswerStore.h"
#include "AudienceWindow.h"
#include "ClickerKeyMap.h"
#include "ClickerTestDialog.h"
#include "MainWindow.h"
#include "PresentationSession.h"
#include "PresenterConsole.h"
#include "WorkshopRecords.h"
#include "WorkshopRecordsDialog.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>

PresentationLauncher::PresentationLauncher(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    QMenu *view = window->viewMenu();
    view->addSeparator();
    QAction *present = view->addAction(tr("&Present"), this, &PresentationLauncher::presentModule);
    present->setShortcut(QKeySequence(Qt::Key_F5));
    present->setToolTip(tr("Show this module as slides, from its first page (F5)"));
    QAction *fromPage = view->addAction(tr("Present from &This Page"), this, &PresentationLauncher::presentPage);
    fromPage->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    view->addAction(tr("Test Your &Clicker…"), this, [this] {
        auto *test = new ClickerTestDialog(ClickerKeyMap::load(), m_window);
        test->setAttribute(Qt::WA_DeleteOnClose);
        test->show();
    });
    WorkshopRecordsDialog::addToMenu(window->workbookMenu(), window, [this] { return workshopRecords(); });
}

PresentationLauncher::~PresentationLauncher()
{
    // Its windows are top-level: they do not go with the main window.
    delete m_ending;
    delete m_session;
}

PresentationSession *PresentationLauncher::session() const
{
    return m_session;
}

WorkshopRecords *PresentationLauncher::workshopRecords()
{
    if (!m_records) {
        m_records = new WorkshopRecords(this);
        const QString store = m_window->answerStore()->databasePath();
        m_records->open(store.isEmpty() ? AnswerStore::defaultDataDir() : QFileInfo(store).absolutePath());
    }
    return m_records;
}

bool PresentationLauncher::canPresent(const QString &pageOrModuleId, QString *error) const
{
    const Course &course = m_window->course();
    if (course.findModule(pageOrModuleId) || course.findPage(pageOrModuleId))
        return true;
    if (error)
        *error = tr("no page or module \"%1\" in %2 (see --list)").arg(pageOrModuleId, course.rootPath);
    return false;
}

bool PresentationLauncher::present(const QString &pageOrModuleId)
{
    const Course &course = m_window->course();
    if (course.findModule(pageOrModuleId))
        start(pageOrModuleId, QString());
    else if (const CoursePage *page = course.findPage(pageOrModuleId))
        start(page->moduleId, page->id);
    else
        return false;
    return true;
}

void PresentationLauncher::presentModule()
{
    if (const CoursePage *page = m_window->course().findPage(m_window->currentPageId()))
        start(page->moduleId, QString());
}

void PresentationLauncher::presentPage()
{
    if (const CoursePage *page = m_window->course().findPage(m_window->currentPageId()))
        start(page->moduleId, page->id);
}

void PresentationLauncher::start(const QString &moduleId, const QString &pageId)
{
    if (m_session)
        return;
    // The course home belongs to no module: presenting from it presents the first module.
    if (moduleId.isEmpty()) {
        const QVector<CourseModule> &modules = m_window->course().modules;
        if (!modules.isEmpty())
            start(modules.first().id, QString());
        return;
    }
    m_session = new PresentationSession(m_window, workshopRecords(), moduleId, pageId, this);
    connect(m_session, &PresentationSession::finished, this, &PresentationLauncher::finish);
    emit started(m_session);
}

void PresentationLauncher::finish()
{
    // The key that ended it is still being delivered to a presentation window: hide them now,
    // delete them after.
    m_session->audience()->hide();
    m_session->console()->hide();
    m_ending = m_session;
    m_session->deleteLater();
    m_session = nullptr;
    // Activated again, the window gives the keys back to the widget that had them.
    m_window->raise();
    m_window->activateWindow();
    emit ended();
}
