#pragma once

#include "Workbook.h"

#include <QDockWidget>
#include <QHash>

class MainWindow;
class QTextBrowser;

// A learner's .coursebook opened beside the course, read-only: for the page being read, their
// answers to its activities and their note, then links to the other pages they answered. It
// follows the reader from page to page and goes when another course is opened.
class WorkbookViewDock : public QDockWidget
{
    Q_OBJECT
public:
    WorkbookViewDock(MainWindow *window, const Workbook &workbook, const QString &path);

    QString path() const { return m_path; }
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPage(const QString &pageId);

    MainWindow *m_window;
    Workbook m_workbook;
    QString m_path;
    QHash<QString, QString> m_pageOfActivity;
    QTextBrowser *m_browser;
};
