#pragma once

#include <QObject>

class MainWindow;

// File ▸ Save Workbook As…: the learner's whole workbook on this course (answers with their
// history, notes, bookmarks, progress) as one .coursebook file to hand to a facilitator
// (docs/workbook-file.md), under the name they give.
class WorkbookFileController : public QObject
{
    Q_OBJECT
public:
    explicit WorkbookFileController(MainWindow *window);

    // Asks for the owner's name and the file, then saves; what the menu item does.
    void saveWorkbookAs();
    // Saves without asking; false after telling the learner why.
    bool saveWorkbook(const QString &path, const QString &owner);

private:
    MainWindow *m_window;
};
