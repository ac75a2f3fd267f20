#include "NavigationTree.h"

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
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !m_selecting)
            emit pageActivated(item->data(0, PageIdRole).toString());
    });
}

void NavigationTree::setCourse(const Course &course)
{
    m_selecting = true;
    clear();
    m_items.clear();
    for (const CourseModule &module : course.modules) {
        auto *moduleItem = new QTreeWidgetItem(this, {module.title});
        QFont bold = moduleItem->font(0);
        bold.setBold(true);
        moduleItem->setFont(0, bold);
        moduleItem->setToolTip(0, module.title);
        if (!module.pages.isEmpty())
            moduleItem->setData(0, PageIdRole, module.pages.first().id);
        for (const CoursePage &page : module.pages) {
            QTreeWidgetItem *parent = page.parentId.isEmpty() ? moduleItem : m_items.value(page.parentId, moduleItem);
            auto *item = new QTreeWidgetItem(parent, {page.title});
            item->setData(0, PageIdRole, page.id);
            item->setToolTip(0, page.title);
            m_items.insert(page.id, item);
        }
        moduleItem->setExpanded(true);
    }
    expandAll();
    m_selecting = false;
}

void NavigationTree::selectPage(const QString &pageId)
{
    QTreeWidgetItem *item = m_items.value(pageId);
    if (!item || item == currentItem())
        return;
    m_selecting = true;
    setCurrentItem(item);
    scrollToItem(item);
    m_selecting = false;
}
