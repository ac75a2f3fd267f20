#pragma once

#include "Course.h"

#include <QHash>
#include <QTreeWidget>

class CourseProgress;

// The course outline: the course home, then modules, then section heads, then pages.
// Activating a module opens its landing page.
class NavigationTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit NavigationTree(QWidget *parent = nullptr);

    void setCourse(const Course &course);
    void selectPage(const QString &pageId);  // without emitting pageActivated
    QTreeWidgetItem *itemForPage(const QString &pageId) const { return m_items.value(pageId); }

    // Where the learner stands (CourseProgress): each page's state, each module's pages done
    // out of its pages, drawn by NavigationProgressDelegate and told to screen readers in each
    // entry's accessible description ("Welcome to the Course, done").
    void setProgress(const CourseProgress &progress);

    static constexpr int PageIdRole = Qt::UserRole;
    static constexpr int ModuleIdRole = Qt::UserRole + 1;    // on a module's entry
    static constexpr int PageStateRole = Qt::UserRole + 2;   // int(PageState::State), on a page's entry
    static constexpr int PagesDoneRole = Qt::UserRole + 3;   // on a module's entry
    static constexpr int PageCountRole = Qt::UserRole + 4;   // on a module's entry

signals:
    void pageActivated(const QString &pageId);
    // Page Down (+1) / Page Up (-1) pressed here: a clicker's keys page the reading
    // view wherever the focus is, instead of jumping a screenful of titles.
    void pageKeyPressed(int direction);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QFont moduleFont() const;
    QTreeWidgetItem *homeItem(const Course &course);  // not yet in the tree
    void groupUnlinkedModules(const Course &course);

    QHash<QString, QTreeWidgetItem *> m_items;
    bool m_selecting = false;
    QTreeWidgetItem *m_unlinkedGroup = nullptr;  // modules the course home never links, if any
};
