#include "PageTurnActions.h"

#include "Course.h"
#include "PageView.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QWebEngineHistory>

PageTurnActions::PageTurnActions(PageView *view, QWidget *window)
    : QObject(window)
    , m_view(view)
    , m_position(new QLabel(window))
    , m_previous(new QAction(tr("◀ &Previous Page"), window))
    , m_next(new QAction(tr("&Next Page ▶"), window))
    , m_back(new QAction(window->style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), window))
    , m_forward(new QAction(window->style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), window))
{
    m_previous->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::ALT | Qt::Key_Up)});
    m_previous->setToolTip(tr("The page before this one in the course (Alt+Left)"));
    connect(m_previous, &QAction::triggered, this, &PageTurnActions::previousRequested);
    m_next->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::ALT | Qt::Key_Down)});
    m_next->setToolTip(tr("The page after this one in the course (Alt+Right)"));
    connect(m_next, &QAction::triggered, this, &PageTurnActions::nextRequested);
    m_back->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_BracketLeft), QKeySequence(Qt::Key_Back)});
    m_back->setToolTip(tr("Back to the page you were reading before (Ctrl+[)"));
    connect(m_back, &QAction::triggered, view, &QWebEngineView::back);
    m_forward->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_BracketRight), QKeySequence(Qt::Key_Forward)});
    m_forward->setToolTip(tr("Forward again through the pages you went back from (Ctrl+])"));
    connect(m_forward, &QAction::triggered, view, &QWebEngineView::forward);
}

void PageTurnActions::addTo(QMenu *go, QToolBar *toolbar)
{
    go->addAction(m_previous);
    go->addAction(m_next);
    go->addSeparator();
    go->addAction(m_back);
    go->addAction(m_forward);
    toolbar->addAction(m_back);
    toolbar->addAction(m_forward);
    toolbar->addSeparator();
    toolbar->addAction(m_previous);
    toolbar->addAction(m_next);
}

void PageTurnActions::update(const Course &course, const QString &pageId)
{
    const QVector<const CoursePage *> pages = course.pages();
    qsizetype index = -1;
    for (qsizetype i = 0; i < pages.size() && index < 0; ++i) {
        if (pages[i]->id == pageId)
            index = i;
    }
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index >= 0 && index + 1 < pages.size());
    m_back->setEnabled(m_view->history()->canGoBack());
    m_forward->setEnabled(m_view->history()->canGoForward());
    const CourseModule *module = index >= 0 ? course.findModule(pages[index]->moduleId) : nullptr;
    m_position->setText(index < 0 ? QString()
                                   : tr("%1 · page %2 of %3").arg(module ? module->title : pages[index]->title).arg(index + 1).arg(pages.size()));
}

QString PageTurnActions::neighbour(const Course &course, const QString &pageId, int step)
{
    const QVector<const CoursePage *> pages = course.pages();
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (pages[i]->id == pageId)
            return i + step >= 0 && i + step < pages.size() ? pages[i + step]->id : QString();
    }
    return QString();
}
