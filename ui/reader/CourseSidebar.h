#pragma once

#include <QWidget>

class NavigationTree;
class QLabel;

// Left of the page: the course's title over its contents (the label is the tree's buddy, so a
// screen reader names the tree after the course).
class CourseSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit CourseSidebar(QWidget *parent = nullptr);

    NavigationTree *tree() const { return m_tree; }
    void setCourseTitle(const QString &title);

private:
    QLabel *m_title;
    NavigationTree *m_tree;
};
