#include "WorkbookFileController.h"

#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "Course.h"
#include "MainWindow.h"
#include "WorkbookFile.h"
#include "WorkbookSnapshot.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace {
const QString kOwnerKey = QStringLiteral("workbookFile/owner");
}

WorkbookFileController::WorkbookFileController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
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
    if (!WorkbookSnapshot::take(m_window->course(), *m_window->answerStore(), nullptr, owner, &workbook, &error)
        || !WorkbookFile::save(path, workbook, &error)) {
        QMessageBox::warning(m_window, tr("Save Workbook As"), tr("The workbook could not be saved to %1.\n\n%2").arg(path, error));
        return false;
    }
    m_window->statusBar()->showMessage(
        tr("Saved the workbook (%n answers) to %1", nullptr, int(workbook.answers.size())).arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}
