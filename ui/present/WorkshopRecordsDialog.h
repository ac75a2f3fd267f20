#pragma once

#include <QDialog>

#include <functional>

class Course;
class MainWindow;
class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class WorkshopRecords;
class WorksheetExportFlow;

// Workbook ▸ Workshop Records…: the course's workshop records (the group grids typed while
// presenting), newest first, with their date and module; a record is renamed in place (F2 or
// Rename) and exported as a worksheet, DOCX or PDF, through the worksheet export's own
// save dialog and message (WorksheetExportFlow).
class WorkshopRecordsDialog : public QDialog
{
    Q_OBJECT
public:
    WorkshopRecordsDialog(WorkshopRecords *records, const Course &course, QWidget *parent = nullptr);

    // Adds "Workshop &Records…" to `menu`, opening the dialog on the window's course; `records`
    // gives the records when chosen (they may be opened at first use).
    static QAction *addToMenu(QMenu *menu, MainWindow *window, std::function<WorkshopRecords *()> records);

private:
    void reload();
    void renamed(QTreeWidgetItem *item, int column);
    void exportRecord(bool pdf);
    void updateButtons();
    void say(const QString &text);

    WorkshopRecords *m_records;
    const Course &m_course;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_docx = nullptr;
    QPushButton *m_pdf = nullptr;
    WorksheetExportFlow *m_flow = nullptr;  // where to, the writing and the message, as File ▸ Export Worksheet…
};
