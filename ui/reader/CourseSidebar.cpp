#include "CourseSidebar.h"

#include "NavigationTree.h"

#include <QLabel>
#include <QVBoxLayout>

CourseSidebar::CourseSidebar(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tree(new NavigationTree(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_title->setObjectName(QStringLiteral("courseTitle"));  // the theme's style sheet makes it a heading
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setContentsMargins(12, 10, 12, 10);
    m_title->setBuddy(m_tree);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    setMinimumWidth(160);
}

void CourseSidebar::setCourseTitle(const QString &title)
{
    m_title->setText(title);
}
