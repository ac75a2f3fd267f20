#include "WorkbookViewDock.h"

#include "MainWindow.h"
#include "WorkbookPageHtml.h"

#include <QEvent>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

WorkbookViewDock::WorkbookViewDock(MainWindow *window, const Workbook &workbook, const QString &path)
    : QDockWidget(window)
    , m_window(window)
    , m_workbook(workbook)
    , m_path(path)
    , m_pageOfActivity(WorkbookPageHtml::pagesOfActivities(window->course()))
    , m_browser(new QTextBrowser)
{
    const QString owner = workbook.owner.isEmpty() ? tr("(no name)") : workbook.owner;
    setWindowTitle(tr("%1's Workbook (read-only)").arg(owner));
    // A name of its own, so that the window's saved layout can place it; one per file.
    setObjectName(QStringLiteral("workbookView:") + path);
    setAttribute(Qt::WA_DeleteOnClose);

    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(windowTitle());
    m_browser->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("page"))
            m_window->showPage(url.path());
    });
    // The title bar's close button is for the mouse; this one is in the Tab order.
    auto *closeButton = new QPushButton(tr("&Close %1's Workbook").arg(owner));
    connect(closeButton, &QPushButton::clicked, this, &QWidget::close);

    auto *content = new QWidget;
    content->setProperty("themedPane", true);  // ThemeStyle's borders and focus frame, as in the Workbook
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_browser, 1);
    layout->addWidget(closeButton, 0, Qt::AlignRight);
    setWidget(content);

    connect(window, &MainWindow::pageShown, this, &WorkbookViewDock::showPage);
    connect(window, &MainWindow::courseOpened, this, [this] {
        if (m_window->course().id != m_workbook.courseId)
            close();  // it is another course's work now
    });
    showPage(window->currentPageId());
}

void WorkbookViewDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)  // a new theme: the tables' rules in its colours
        showPage(m_window->currentPageId());
}

void WorkbookViewDock::showPage(const QString &pageId)
{
    // The grids' classes (WorksheetGridHtml) ruled in the theme's text colour, as the Workbook's tables are.
    m_browser->document()->setDefaultStyleSheet(
        QStringLiteral("table { border-collapse: collapse; margin-bottom: 8px; } th, td { border: 1px solid %1; padding: 4px; }"
                       " th { font-weight: bold; } td.fixed { font-style: italic; }")
            .arg(palette().color(QPalette::Text).name()));
    m_browser->setHtml(WorkbookPageHtml::page(m_window->course(), m_workbook, pageId, m_window->pageActivities(), m_pageOfActivity));
}
