#include "ReadingProgress.h"

#include "UiLog.h"

#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "CourseUrl.h"
#include "NavigationTree.h"
#include "PageView.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QWebEnginePage>
#include <QWebEngineScript>

#include <utility>

namespace {

// The page's sections as the reading position counts them: from each heading with an id to
// the next (the top of the page to the first). Positions are in the page's CSS pixels, so a
// zoom or window width changes nothing of what they mean.
const QString kSections = QStringLiteral(
    "const hs=[...document.querySelectorAll('h1[id],h2[id],h3[id],h4[id],h5[id],h6[id]')];"
    "const top=e=>e.getBoundingClientRect().top+window.scrollY;"
    "const bounds=i=>[i<0?0:top(hs[i]),i+1<hs.length?top(hs[i+1]):(document.documentElement?document.documentElement.scrollHeight:0)];");

// [anchor, offset, heading text]: the last heading at or above the top of the view, how far
// through its section, and the heading's words (for a bookmark's title).
const QString kMeasure = QStringLiteral(
    "(function(){%1const y=window.scrollY;let i=-1;"
    "for(let k=0;k<hs.length&&top(hs[k])<=y+1;++k)i=k;"
    "const [s,e]=bounds(i);return [i<0?'':hs[i].id,e>s?Math.min(1,Math.max(0,(y-s)/(e-s))):0,"
    "i<0?'':hs[i].textContent.trim()];})()").arg(kSections);

// Scrolls to that place again; false when the heading is gone from the page.
const QString kRestore = QStringLiteral(
    "(function(a,o){%1const i=a?hs.findIndex(h=>h.id===a):-1;if(a&&i<0)return false;"
    "const [s,e]=bounds(i);window.scrollTo(0,s+o*(e-s));return true;})(%2,%3)");  // %1: kSections

constexpr int kPositionQuietMs = 300;
constexpr int kVisitDelayMs = 100;  // past a page turn's first frame

// `text` as a JavaScript string literal.
QString jsString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

}  // namespace

ReadingProgress::ReadingProgress(AnswerStore *store, AnswerAutosaver *autosaver, NavigationTree *tree, PageView *view, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_autosaver(autosaver)
    , m_tree(tree)
    , m_view(view)
{
    m_markDone = new QAction(tr("Mark Page as &Done"), this);
    m_markDone->setCheckable(true);
    m_markDone->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));  // Ctrl+D is kept for bookmarks, as in browsers
    m_markDone->setToolTip(tr("Mark the page you are reading as done, or not done (Ctrl+Shift+D)"));
    connect(m_markDone, &QAction::triggered, this, [this] { toggleDone(m_pageId); });

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ReadingProgress::refresh);
    connect(m_store, &AnswerStore::answerSaved, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_store, &AnswerStore::progressChanged, &m_refreshTimer, qOverload<>(&QTimer::start));

    m_visitTimer.setSingleShot(true);
    m_visitTimer.setInterval(kVisitDelayMs);
    connect(&m_visitTimer, &QTimer::timeout, this, &ReadingProgress::writeVisit);
    m_positionTimer.setSingleShot(true);
    m_positionTimer.setInterval(kPositionQuietMs);
    connect(&m_positionTimer, &QTimer::timeout, this, &ReadingProgress::savePosition);
    connect(m_view->page(), &QWebEnginePage::scrollPositionChanged, this, [this] {
        if (m_loaded)
            m_positionTimer.start();
    });

    // The mouse's context menu comes to the viewport, the Menu key's to the tree itself.
    m_tree->installEventFilter(this);
    m_tree->viewport()->installEventFilter(this);
}

ReadingProgress::~ReadingProgress()
{
    // Rendering pages while the app tears down what they use would crash it on a quick quit.
    if (m_indexThread)
        m_indexThread->wait();
}

void ReadingProgress::setCourse(const std::shared_ptr<const Course> &course)
{
    writeVisit();
    m_course = course;
    m_pageId.clear();
    m_resumePageId.clear();
    m_loaded = false;
    m_activities.clear();
    m_activitiesIndexed = false;
    m_indexPending = true;
    refresh();
}

void ReadingProgress::indexActivities()
{
    // Which activities each page holds takes rendering every page: off the UI thread, so the
    // first page shows at once; an answer from another course opened meanwhile is dropped.
    const int generation = ++m_generation;
    std::shared_ptr<const Course> course = m_course;
    QPointer<ReadingProgress> self(this);
    QThread *thread = QThread::create([self, course, generation] {
        CourseProgress::ActivitiesByPage activities = CourseProgress::activitiesOf(*course);
        QMetaObject::invokeMethod(qApp, [self, generation, activities] {
            if (!self || generation != self->m_generation)
                return;
            self->m_activities = activities;
            self->m_activitiesIndexed = true;
            self->refresh();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_indexThread = thread;
    thread->start(QThread::LowPriority);
}

void ReadingProgress::pageShown(const QString &pageId)
{
    if (pageId == m_pageId)
        return;
    m_positionTimer.stop();
    writeVisit();  // of the page before: every page shown is counted
    m_pageId = pageId;
    m_loaded = false;
    // A page resumed keeps the position it had until it is restored; any other starts at its top.
    const bool resuming = pageId == m_resumePageId && m_progress.page(pageId);
    if (!resuming) {
        m_visitCourseId = m_course->id;
        m_visitPageId = pageId;
        m_visitTimer.start();
    }
    updateAction();
}

void ReadingProgress::writeVisit()
{
    m_visitTimer.stop();
    if (m_visitPageId.isEmpty())
        return;
    m_autosaver->savePosition({std::exchange(m_visitCourseId, QString()), std::exchange(m_visitPageId, QString()), QString(), 0});
}

void ReadingProgress::pageLoaded()
{
    // Indexing renders every page: it waits for the course's first page to be loaded, so it
    // takes no processor time from the web engine starting up to paint it.
    if (std::exchange(m_indexPending, false))
        indexActivities();
    if (m_pageId.isEmpty())
        return;
    fillProgressSection();
    const bool resuming = m_pageId == std::exchange(m_resumePageId, QString());
    const PageProgress *saved = m_progress.page(m_pageId);
    if (!resuming || !saved) {
        m_loaded = true;
        return;
    }
    const QString script = kRestore.arg(kSections, jsString(saved->anchor), QString::number(saved->offset));
    const QPointer<ReadingProgress> self(this);
    m_view->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [self](const QVariant &restored) {
        if (!self)
            return;
        if (!restored.toBool())
            qCDebug(lcUi).noquote() << "the reading position's heading is gone from" << self->m_pageId;
        self->m_loaded = true;
    });
}

void ReadingProgress::measurePosition(const std::function<void(const QString &, double, const QString &)> &then)
{
    const QString pageId = m_pageId;
    const QPointer<ReadingProgress> self(this);
    m_view->page()->runJavaScript(kMeasure, QWebEngineScript::ApplicationWorld, [self, pageId, then](const QVariant &result) {
        const QVariantList position = result.toList();
        if (self && pageId == self->m_pageId && position.size() == 3)
            then(position.at(0).toString(), position.at(1).toDouble(), position.at(2).toString());
    });
}

void ReadingProgress::savePosition()
{
    const QString pageId = m_pageId;
    const QString courseId = m_course->id;
    measurePosition([this, pageId, courseId](const QString &anchor, double offset, const QString &) {
        writeVisit();  // first, so the position measured is the one kept
        m_autosaver->savePosition({courseId, pageId, anchor, offset});
    });
}

void ReadingProgress::toggleDone(const QString &pageId)
{
    if (!m_course || !m_course->findPage(pageId))
        return;
    writeVisit();
    const bool allDone = m_progress.activitiesAllDone(pageId);
    // The smallest mark that gives the other state: a page done by its activities needs
    // "not done" to undo, one done by its mark only loses the mark.
    const PageProgress::Mark mark = m_progress.state(pageId) == PageState::State::Done
        ? (allDone ? PageProgress::Mark::NotDone : PageProgress::Mark::None)
        : (allDone ? PageProgress::Mark::None : PageProgress::Mark::Done);
    if (!m_store->markPage(m_course->id, pageId, mark))
        qCWarning(lcUi).noquote() << "page mark not saved:" << m_store->lastError();
    updateAction();
}

void ReadingProgress::refresh()
{
    if (!m_course)
        return;
    // Until every page is indexed, states come from visits and marks only.
    m_progress = CourseProgress(*m_course, m_activities, m_store->progress(m_course->id), m_store->answers(m_course->id));
    m_tree->setProgress(m_progress);
    updateAction();
    if (m_activitiesIndexed)
        fillProgressSection();
}

void ReadingProgress::updateAction()
{
    m_markDone->setEnabled(!m_pageId.isEmpty());
    m_markDone->setChecked(m_progress.state(m_pageId) == PageState::State::Done);
}

bool ReadingProgress::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ContextMenu || (watched != m_tree && watched != m_tree->viewport()))
        return QObject::eventFilter(watched, event);
    const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
    if (menuEvent->reason() == QContextMenuEvent::Keyboard) {
        const QTreeWidgetItem *item = m_tree->currentItem();
        const QRect rect = item ? m_tree->visualItemRect(item) : QRect();
        showContextMenu(item, m_tree->viewport()->mapToGlobal(rect.bottomLeft()));
    } else {
        showContextMenu(m_tree->itemAt(m_tree->viewport()->mapFromGlobal(menuEvent->globalPos())), menuEvent->globalPos());
    }
    return true;
}

void ReadingProgress::showContextMenu(const QTreeWidgetItem *item, const QPoint &globalPosition)
{
    // Modules' entries stand for their first page, which has an entry of its own.
    const QString pageId = item && item->data(0, NavigationTree::ModuleIdRole).isNull() ? item->data(0, NavigationTree::PageIdRole).toString()
                                                                                          : QString();
    if (pageId.isEmpty())
        return;
    QMenu menu(m_tree);
    const bool done = m_progress.state(pageId) == PageState::State::Done;
    menu.addAction(done ? tr("Mark as &Not Done") : tr("Mark as &Done"), this, [this, pageId] { toggleDone(pageId); });
    menu.exec(globalPosition);
}

void ReadingProgress::fillProgressSection()
{
    if (!m_activitiesIndexed || m_pageId.isEmpty())
        return;
    // Runs in the application world: page scripts stay off, the app's own script does not.
    m_view->page()->runJavaScript(
        QStringLiteral("(function(h){const s=document.getElementById('course-progress');if(s)s.innerHTML=h;})(%1)").arg(jsString(progressSectionHtml())),
        QWebEngineScript::ApplicationWorld);
}

QString ReadingProgress::progressSectionHtml() const
{
    QString html = QStringLiteral("<h2>%1</h2><ul class=\"progress-modules\">").arg(tr("Your progress").toHtmlEscaped());
    for (const CourseModule &module : m_course->modules) {
        const CourseProgress::ModuleCount count = m_progress.module(module.id);
        const QString done = tr("%1 of %2 pages done").arg(count.done).arg(count.total);
        html += QStringLiteral("<li><span class=\"progress-module\">%1</span> <span class=\"progress-count\">%2</span>"
                               "<progress max=\"%3\" value=\"%4\" aria-label=\"%1: %2\">%2</progress></li>")
                    .arg(module.title.toHtmlEscaped(), done.toHtmlEscaped())
                    .arg(count.total)
                    .arg(count.done);
    }
    html += QStringLiteral("</ul><h3>%1</h3>").arg(tr("Activities still open").toHtmlEscaped());
    const QVector<CourseProgress::OpenActivity> open = m_progress.openActivities();
    if (open.isEmpty())
        return html + QStringLiteral("<p class=\"progress-all-done\">%1</p>").arg(tr("Every activity is done.").toHtmlEscaped());
    html += QStringLiteral("<ul class=\"progress-open\">");
    for (const CourseProgress::OpenActivity &activity : open) {
        html += QStringLiteral("<li><a href=\"%1\">%2</a> <span class=\"progress-where\">%3 · %4</span></li>")
                    .arg(CourseUrl::activity(activity.spec.id).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                         activity.spec.title.toHtmlEscaped(), activity.pageTitle.toHtmlEscaped(),
                         AnswerProgress::label(activity.stage).toHtmlEscaped());
    }
    return html + QStringLiteral("</ul>");
}
