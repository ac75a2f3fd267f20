#include "MainWindow.h"

#include "CourseLoader.h"
#include "PageRenderer.h"

#include <QSplitter>
#include <QTreeWidget>
#include <QWebEngineView>

void MainWindow::prepareApplication() {}

MainWindow::MainWindow(const QString &coursePath, const QString &pageId, QWidget *parent)
    : QMainWindow(parent)
    , m_course(CourseLoader::load(coursePath))
{
    auto *splitter = new QSplitter(this);
    m_tree = new QTreeWidget(splitter);
    m_view = new QWebEngineView(splitter);
    setCentralWidget(splitter);
    for (const CourseModule &module : m_course.modules) {
        auto *moduleItem = new QTreeWidgetItem(m_tree, {module.title});
        for (const CoursePage &page : module.pages) {
            auto *item = new QTreeWidgetItem(moduleItem, {page.title});
            item->setData(0, Qt::UserRole, page.id);
        }
    }
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const CoursePage *page = item ? m_course.findPage(item->data(0, Qt::UserRole).toString()) : nullptr;
        if (page)
            m_view->setHtml(PageRenderer(m_course).render(*page).documentHtml);
    });
    Q_UNUSED(pageId);
    resize(1200, 800);
}
