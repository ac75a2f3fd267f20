#include "NavigationTree.h"

#include "CourseProgress.h"
#include "NavigationProgressDelegate.h"

#include <QKeyEvent>
#include <QTreeWidgetItemIterator>
#include <QStyle>

NavigationTree::NavigationTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setUniformRowHeights(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setAccessibleName(tr("Course contents"));
    setIndentation(16);
    setFrameShape(QFrame::NoFrame);
    setStyleSheet(QStringLiteral("QTreeView::item { padding: 4px 2px; }"));
    setAccessibleDescription(tr("Modules and their pages. Press Enter or select a page to read it."));
    setItemDelegate(new NavigationProgressDelegate(this));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !m_selecting)
            emit pageActivated(item->data(0, PageIdRole).toString());
    });
    // A screen reader selects an entry without moving the current item: open it too.
    connect(this, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QList<QTreeWidgetItem *> selected = selectedItems();
        if (!m_selecting && selected.size() == 1 && selected.first() != currentItem())
            setCurrentItem(selected.first());
    });
}

void NavigationTree::setCourse(const Course &course)
{
    m_selecting = true;
    clear();
    m_items.clear();
    // Built apart and added in one step: a 10,000-page course is one insertion for the view
    // to lay out, not one per page before the first page can paint.
    QList<QTreeWidgetItem *> topLevel;
    if (course.hasHome())
        topLevel << homeItem(course);
    for (const CourseModule &module : course.modules) {
        auto *moduleItem = new QTreeWidgetItem({module.title});
        moduleItem->setFont(0, moduleFont());
        moduleItem->setToolTip(0, module.title);
        moduleItem->setData(0, ModuleIdRole, module.id);
        if (!module.pages.isEmpty())
            moduleItem->setData(0, PageIdRole, module.pages.first().id);
        for (const CoursePage &page : module.pages) {
            QTreeWidgetItem *parent = page.parentId.isEmpty() ? moduleItem : m_items.value(page.parentId, moduleItem);
            auto *item = new QTreeWidgetItem(parent, {page.title});
            item->setData(0, PageIdRole, page.id);
            item->setToolTip(0, page.title);
            // Unread until the progress says otherwise, so that saying so writes nothing.
            item->setData(0, PageStateRole, int(PageState::State::Unread));
            item->setData(0, Qt::AccessibleDescriptionRole, tr("%1, %2").arg(page.title, PageState::label(PageState::State::Unread)));
            m_items.insert(page.id, item);
        }
        topLevel << moduleItem;
    }
    addTopLevelItems(topLevel);
    expandAll();
    groupUnlinkedModules(course);
    m_selecting = false;
}

QTreeWidgetItem *NavigationTree::homeItem(const Course &course)
{
    auto *item = new QTreeWidgetItem({course.home.title});
    item->setIcon(0, style()->standardIcon(QStyle::SP_DirHomeIcon));
    item->setFont(0, moduleFont());
    item->setToolTip(0, tr("The course home: %1").arg(course.home.title));
    item->setData(0, PageIdRole, course.home.id);
    m_items.insert(course.home.id, item);
    return item;
}

// Module folders the course home never links (stale copies, often titled like a live module)
// go last, in a collapsed group that says so: the course's own modules stay together.
void NavigationTree::groupUnlinkedModules(const Course &course)
{
    m_unlinkedGroup = nullptr;
    const int firstModule = course.hasHome() ? 1 : 0;
    QList<QTreeWidgetItem *> unlinked;
    for (qsizetype i = 0; i < course.modules.size(); ++i) {
        if (!course.modules.at(i).linkedFromHome)
            unlinked << topLevelItem(firstModule + int(i));
    }
    if (unlinked.isEmpty())
        return;
    m_unlinkedGroup = new QTreeWidgetItem({tr("Not linked from the course home")});
    m_unlinkedGroup->setFont(0, moduleFont());
    m_unlinkedGroup->setToolTip(0, tr("Module folders the course home never links to: perhaps old copies"));
    for (QTreeWidgetItem *item : std::as_const(unlinked))
        m_unlinkedGroup->addChild(takeTopLevelItem(indexOfTopLevelItem(item)));
    addTopLevelItem(m_unlinkedGroup);
    expandRecursively(indexFromItem(m_unlinkedGroup));
    m_unlinkedGroup->setExpanded(false);
}

// Only what changed is written: each write is a repaint and an accessibility event, and
// progress is refreshed at every save on a tree that may hold 10,000 pages.
void NavigationTree::setProgress(const CourseProgress &progress)
{
    const auto set = [](QTreeWidgetItem *item, int role, const QVariant &value) {
        if (item->data(0, role) != value)
            item->setData(0, role, value);
    };
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        const PageState::State state = progress.state(it.key());
        QTreeWidgetItem *item = it.value();
        set(item, PageStateRole, int(state));
        set(item, Qt::AccessibleDescriptionRole, tr("%1, %2").arg(item->text(0), PageState::label(state)));
    }
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        const QString moduleId = (*it)->data(0, ModuleIdRole).toString();
        if (moduleId.isEmpty())
            continue;
        const CourseProgress::ModuleCount count = progress.module(moduleId);
        const QString done = tr("%1 of %2 pages done").arg(count.done).arg(count.total);
        set(*it, PagesDoneRole, count.done);
        set(*it, PageCountRole, count.total);
        set(*it, Qt::AccessibleDescriptionRole, tr("%1, %2").arg((*it)->text(0), done));
        set(*it, Qt::ToolTipRole, tr("%1 (%2)").arg((*it)->text(0), done));
    }
}

void NavigationTree::selectPage(const QString &pageId)
{
    QTreeWidgetItem *item = m_items.value(pageId);
    // A module's entry stands for its first page: the selection stays on it, or the
    // next Down would skip the page's own entry.
    if (!item || item == currentItem() || (currentItem() && currentItem()->data(0, PageIdRole).toString() == pageId))
        return;
    m_selecting = true;
    setCurrentItem(item);
    scrollToItem(item);
    m_selecting = false;
}

void NavigationTree::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_PageDown || event->key() == Qt::Key_PageUp)) {
        emit pageKeyPressed(event->key() == Qt::Key_PageDown ? 1 : -1);
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

QFont NavigationTree::moduleFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

void NavigationTree::changeEvent(QEvent *event)
{
    // Module titles keep their bold at every text size the reader picks.
    if (event->type() == QEvent::FontChange) {
        for (int i = 0; i < topLevelItemCount(); ++i)
            topLevelItem(i)->setFont(0, moduleFont());
        for (int i = 0; m_unlinkedGroup && i < m_unlinkedGroup->childCount(); ++i)
            m_unlinkedGroup->child(i)->setFont(0, moduleFont());
    }
    QTreeWidget::changeEvent(event);
}
