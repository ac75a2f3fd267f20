#include "WorksheetExportFlow.h"

#include "AnswerAutosaver.h"
#include "Course.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"
#include "ExportWorksheetDialog.h"
#include "PdfWorksheetWriter.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

WorksheetExportFlow::WorksheetExportFlow(AnswerStore *store, AnswerAutosaver *autosaver, Notify notify, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_autosaver(autosaver)
    , m_notify(std::move(notify))
    , m_window(window)
{
}

void WorksheetExportFlow::run(const Course &course, const CoursePage *page, const QVector<ActivitySpec> &activities,
                              const QString &activityId)
{
    m_autosaver->flush();
    const CourseModule *module = page ? course.findModule(page->moduleId) : nullptr;
    QVector<ExportWorksheetDialog::Choice> choices{{tr("The whole workbook"), {ExportScope::Kind::Course, QString()}}};
    if (module)
        choices.append({tr("Module: %1").arg(module->title), {ExportScope::Kind::Module, module->id}});
    int initial = int(choices.size());
    if (page)
        choices.append({tr("This page: %1").arg(page->title), {ExportScope::Kind::Page, page->id}});
    for (const ActivitySpec &spec : activities) {
        if (spec.id == activityId)
            initial = int(choices.size());
        choices.append({tr("Activity: %1").arg(spec.title), {ExportScope::Kind::Activity, spec.id}});
    }
    choices.append({tr("Answers without an activity"), {ExportScope::Kind::Orphans, QString()}});

    ExportWorksheetDialog dialog(choices, initial, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportDocument document;
    QString error;
    if (!ExportDocument::build(course, m_store, dialog.scope(), dialog.blank(), dialog.learner(), &document, &error))
        return m_notify(tr("Worksheet Not Exported"), error);
    document.reading = ReadingSettings::load(QSettings());  // the learner's font, size and spacing
    save(document, QStringLiteral("%1-%2%3").arg(course.id, dialog.scope().fileNameStem(), dialog.blank() ? QStringLiteral("-blank") : QString()),
         dialog.format(), dialog.pageSize());
}

void WorksheetExportFlow::save(const ExportDocument &document, const QString &stem, ExportFileName::Format format, QPageSize::PageSizeId size)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(stem + QLatin1Char('.') + ExportFileName::extension(format));
    const QString pdfFilter = tr("PDF (*.pdf)"), docxFilter = tr("Word document (*.docx)");
    QString filter = format == ExportFileName::Format::Pdf ? pdfFilter : docxFilter;
    const QString typed = QFileDialog::getSaveFileName(m_window, tr("Export Worksheet"), suggested, pdfFilter + QStringLiteral(";;") + docxFilter, &filter);
    if (typed.isEmpty())
        return;
    // The extension typed wins; a name without one gets the format of the filter shown last.
    const ExportFileName target(typed, filter == pdfFilter ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx);
    const QString path = target.path();
    if (path != typed && QFileInfo::exists(path)
        && QMessageBox::question(m_window, tr("Export Worksheet"), tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)))
               != QMessageBox::Yes)
        return;

    QString error;
    bool ok = false;
    {
        QProgressDialog progress(tr("Exporting the worksheet…"), QString(), 0, 0, m_window);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        ok = target.format() == ExportFileName::Format::Pdf ? PdfWorksheetWriter::write(document, path, size, &error)
                                                            : DocxWorksheetWriter::write(document, path, size, &error);
    }
    if (!ok)
        return m_notify(tr("Worksheet Not Exported"), error);

    ExportWorksheetDialog::rememberFormat(target.format());
    QString message = tr("Saved %1 as a %2 (%n activities).", nullptr, int(document.items.size()))
                          .arg(QDir::toNativeSeparators(path), ExportFileName::formatName(target.format()));
    if (target.format() != format)
        message += QLatin1Char('\n') + tr("Its name ends in .%1, so it is a %2 rather than a %3.")
                                          .arg(ExportFileName::extension(target.format()), ExportFileName::formatName(target.format()),
                                               ExportFileName::formatName(format));
    auto *done = new QMessageBox(QMessageBox::Information, tr("Worksheet Exported"), message, QMessageBox::Close, m_window);
    done->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = done->addButton(tr("&Open"), QMessageBox::AcceptRole);
    QPushButton *folder = done->addButton(tr("Show in &Folder"), QMessageBox::ActionRole);
    connect(open, &QPushButton::clicked, this, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(folder, &QPushButton::clicked, this, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath())); });
    done->setWindowModality(Qt::NonModal);
    done->show();
}
