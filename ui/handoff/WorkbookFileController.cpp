#include "WorkbookFileController.h"

#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "BundledCourse.h"
#include "Course.h"
#include "CourseLoader.h"
#include "ExportDocument.h"
#include "MainWindow.h"
#include "MergedWorkbooks.h"
#include "PaperSize.h"
#include "WorkbookFile.h"
#include "WorkbookSnapshot.h"
#include "WorkbookViewDock.h"
#include "WorksheetExportFlow.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>

namespace {
const QString kOwnerKey = QStringLiteral("workbookFile/owner");
const QString kFolderKey = QStringLiteral("workbookFile/folder");  // where the room's files were last

QString ownerOf(const Workbook &workbook)
{
    return workbook.owner.isEmpty() ? QObject::tr("(no name)") : workbook.owner;
}
}  // namespace

WorkbookFileController::WorkbookFileController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_flow(new WorksheetExportFlow(window->answerStore(), window->autosaver(),
                                     [window](const QString &title, const QString &text) { QMessageBox::warning(window, title, text); }, window))
{
    connect(window, &MainWindow::workbookFileChosen, this, &WorkbookFileController::openWorkbook);
    const QList<QAction *> menus = window->menuBar()->actions();
    QMenu *file = menus.isEmpty() ? nullptr : menus.first()->menu();
    if (!file)
        return;
    // Beside Export Answers…, before the separator above Quit.
    const QList<QAction *> items = file->actions();
    QAction *before = items.size() >= 2 ? items.at(items.size() - 2) : nullptr;
    auto *save = new QAction(tr("Save Work&book As…"), file);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(save, &QAction::triggered, this, &WorkbookFileController::saveWorkbookAs);
    file->insertAction(before, save);
    auto *merge = new QAction(tr("&Merge Workbooks…"), file);
    connect(merge, &QAction::triggered, this, &WorkbookFileController::mergeWorkbooksFrom);
    file->insertAction(before, merge);
}

void WorkbookFileController::saveWorkbookAs()
{
    bool ok = false;
    const QString owner = QInputDialog::getText(m_window, tr("Save Workbook As"),
                                                tr("Your name, as the facilitator should see it:"), QLineEdit::Normal,
                                                QSettings().value(kOwnerKey).toString(), &ok);
    if (!ok)
        return;
    QSettings().setValue(kOwnerKey, owner);
    const QString suggested = QDir::home().filePath(
        QStringLiteral("%1.%2").arg(owner.trimmed().isEmpty() ? m_window->course().id : WorkbookFile::cleanOwner(owner),
                                    QLatin1String(WorkbookFile::kSuffix)));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Workbook As"), suggested,
                                                      tr("Coursebook workbooks (*.coursebook)"));
    if (!path.isEmpty())
        saveWorkbook(path, owner);
}

bool WorkbookFileController::saveWorkbook(const QString &path, const QString &owner)
{
    m_window->autosaver()->flush();  // the words typed a moment ago are in the file too
    Workbook workbook;
    QString error;
    const QString dataDir = QFileInfo(m_window->answerStore()->databasePath()).absolutePath();
    if (!WorkbookSnapshot::takeWithRecordsIn(dataDir, m_window->course(), *m_window->answerStore(), owner, &workbook, &error)
        || !WorkbookFile::save(path, workbook, &error)) {
        QMessageBox::warning(m_window, tr("Save Workbook As"), tr("The workbook could not be saved to %1.\n\n%2").arg(path, error));
        return false;
    }
    m_window->statusBar()->showMessage(
        tr("Saved the workbook (%n answers) to %1", nullptr, int(workbook.answers.size())).arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool WorkbookFileController::openCourseOf(const QString &courseId, const QString &courseTitle, const QString &owner)
{
    // Where it was opened last, else the bundled course when it is that one.
    QStringList places{m_window->coursePathOf(courseId)};
    if (CourseLoader::load(BundledCourse::path()).id == courseId)
        places << BundledCourse::path();
    for (const QString &place : std::as_const(places)) {
        if (!place.isEmpty() && QFileInfo::exists(place) && m_window->openCourse(place) && m_window->course().id == courseId)
            return true;
    }
    QMessageBox::warning(m_window, tr("Open Workbook"),
                         tr("%1's workbook is for the course \"%2\", which is not open and has not been opened on this "
                            "computer.\n\nOpen that course first (File ▸ Open Course Folder…), then open the workbook again.")
                             .arg(owner, courseTitle.isEmpty() ? courseId : courseTitle));
    return false;
}

bool WorkbookFileController::openWorkbook(const QString &path)
{
    Workbook workbook;
    QString error;
    if (!WorkbookFile::load(path, QString(), &workbook, &error)) {
        QMessageBox::warning(m_window, tr("Open Workbook"), error);
        return false;
    }
    if (workbook.courseId != m_window->course().id && !openCourseOf(workbook.courseId, workbook.courseTitle, ownerOf(workbook)))
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (WorkbookViewDock *old = workbookView(absolute))
        delete old;  // opened again: the file as it is now
    auto *dock = new WorkbookViewDock(m_window, workbook, absolute);
    m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
    // In a tab beside the reader's own Workbook, where a 1366-pixel screen has room for it.
    if (auto *own = m_window->findChild<QDockWidget *>(QStringLiteral("workbookDock")); own && own->isVisible())
        m_window->tabifyDockWidget(own, dock);
    dock->show();
    dock->raise();
    // Once the dock is laid out and shown (a hidden widget takes no focus, a dock not yet laid
    // out takes no size) and the dialog that chose the file has given the window back: the
    // focus, and the larger share of the side over the reader's own Notes below it.
    QTimer::singleShot(0, dock, [window = m_window, dock] {
        QList<QDockWidget *> column{dock};  // with the docks above and below it (not its tabs)
        QList<int> heights{window->height() * 3 / 5};
        const QList<QDockWidget *> tabs = window->tabifiedDockWidgets(dock);
        for (QDockWidget *other : window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
            if (other != dock && !tabs.contains(other) && other->isVisible()
                && window->dockWidgetArea(other) == window->dockWidgetArea(dock)) {
                column << other;
                heights << window->height() / 5;
            }
        }
        window->resizeDocks(column, heights, Qt::Vertical);
        dock->browser()->setFocus(Qt::OtherFocusReason);
    });
    m_window->statusBar()->showMessage(
        tr("Opened %1's workbook (%n answers), read-only", nullptr, int(workbook.answers.size())).arg(ownerOf(workbook)), 8000);
    return true;
}

WorkbookViewDock *WorkbookFileController::workbookView(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (WorkbookViewDock *dock : m_window->findChildren<WorkbookViewDock *>()) {
        if (dock->path() == absolute)
            return dock;
    }
    return nullptr;
}

void WorkbookFileController::mergeWorkbooksFrom()
{
    const QStringList files = QFileDialog::getOpenFileNames(m_window, tr("Merge Workbooks"),
                                                            QSettings().value(kFolderKey, QDir::homePath()).toString(),
                                                            tr("Coursebook workbooks (*.coursebook)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(kFolderKey, QFileInfo(files.first()).absolutePath());
    mergeWorkbooks(files);
}

bool WorkbookFileController::mergeWorkbooks(const QStringList &files)
{
    const Course &course = m_window->course();
    QVector<Workbook> workbooks;
    QStringList refused;
    for (const QString &file : files) {
        Workbook workbook;
        QString error;
        if (WorkbookFile::load(file, course.id, &workbook, &error))
            workbooks.append(workbook);
        else
            refused << error;
    }
    if (workbooks.isEmpty()) {
        QMessageBox::warning(m_window, tr("Merge Workbooks"), tr("No workbook could be merged.\n\n%1").arg(refused.join(QStringLiteral("\n\n"))));
        return false;
    }
    if (!refused.isEmpty())
        QMessageBox::warning(m_window, tr("Merge Workbooks"),
                             tr("%n workbooks are left out of the merge:", nullptr, int(refused.size())) + QStringLiteral("\n\n")
                                 + refused.join(QStringLiteral("\n\n")));
    ExportDocument document;
    QString error;
    if (!MergedWorkbooks::build(course, workbooks, &document, &error)) {
        QMessageBox::warning(m_window, tr("Merge Workbooks"), error);
        return false;
    }
    m_flow->save(document, course.id + QStringLiteral("-merged-workbooks"), ExportFileName::Format::Docx, PaperSize::forThisComputer());
    return true;
}
