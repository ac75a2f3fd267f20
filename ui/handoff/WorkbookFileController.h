#pragma once

#include <QObject>
#include <QStringList>

class MainWindow;
class WorkbookViewDock;
class WorksheetExportFlow;

// The .coursebook workbook file in the app (docs/workbook-file.md). File ▸ Save Workbook As…:
// the learner's whole workbook on this course (answers with their history, notes, bookmarks,
// progress, workshop grids) as one file, under the name they give. A workbook opened (File ▸
// Open File…, or given on the command line by the file manager) shows read-only beside the
// course. File ▸ Merge Workbooks…: a room's workbooks side by side in one DOCX or PDF.
class WorkbookFileController : public QObject
{
    Q_OBJECT
public:
    explicit WorkbookFileController(MainWindow *window);

    // Asks for the owner's name and the file, then saves; what the menu item does.
    void saveWorkbookAs();
    // Saves without asking; false after telling the learner why.
    bool saveWorkbook(const QString &path, const QString &owner);

    // Shows the workbook beside its course, opening that course first when it is another one
    // that was opened on this computer. False after saying why (nothing else changes).
    bool openWorkbook(const QString &path);
    WorkbookViewDock *workbookView(const QString &path) const;

    // Asks for the files, says which are left out and why, then where to save the merge.
    void mergeWorkbooksFrom();
    // The merge of `files` saved through the export flow (which asks where); false when no
    // file could be merged. The files left out are said in one message first.
    bool mergeWorkbooks(const QStringList &files);

private:
    bool openCourseOf(const QString &courseId, const QString &courseTitle, const QString &owner);

    MainWindow *m_window;
    WorksheetExportFlow *m_flow;
};
