#include "AnswerActions.h"

#include "AnswerAutosaver.h"
#include "AnswerHistoryDialog.h"
#include "AnswerJson.h"
#include "AnswerStore.h"
#include "AtomicFile.h"
#include "Course.h"
#include "OrphanAnswersDialog.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSet>

AnswerActions::AnswerActions(AnswerStore *store, AnswerAutosaver *autosaver, Notify notify, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_autosaver(autosaver)
    , m_notify(std::move(notify))
    , m_window(window)
{
}

void AnswerActions::showHistory(const QString &courseId, const ActivitySpec &spec)
{
    m_autosaver->flush();
    AnswerHistoryDialog dialog(spec.title, m_store->history(courseId, spec.id), m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosenVersion().isValid())
        return;
    if (!m_store->restore(courseId, spec.id, dialog.chosenVersion()))
        return m_notify(tr("Not Restored"), m_store->lastError());
    emit answerRestored(spec.id);
}

void AnswerActions::exportAnswers(const Course &course)
{
    m_autosaver->flush();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Answers"),
                                                      QDir::home().filePath(course.id + QStringLiteral("-answers.json")),
                                                      tr("Coursebook answers (*.json)"));
    if (path.isEmpty())
        return;
    QString reason;
    if (!AtomicFile::write(path, AnswerJson::write(course.id, m_store->answers(course.id), m_store->progress(course.id),
                                                   m_store->notes(course.id), m_store->bookmarks(course.id)), &reason))
        return m_notify(tr("Answers Not Exported"), tr("%1 could not be written: %2").arg(path, reason));
    emit statusMessage(tr("Answers exported to %1").arg(path), 6000);
}

void AnswerActions::importAnswers(const Course &course)
{
    m_autosaver->flush();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Answers"), QDir::homePath(), tr("Coursebook answers (*.json)"));
    if (path.isEmpty())
        return;
    // Only a regular file of a sane size: a named pipe would block the window, a device
    // such as /dev/zero would never end.
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.isFile())
        return m_notify(tr("Answers Not Imported"), tr("%1 is not a file; nothing was changed.").arg(shown));
    if (info.size() > AnswerJson::kMaxFileBytes)
        return m_notify(tr("Answers Not Imported"),
                        tr("%1 is over %2 MB, too large for an answers file; nothing was changed.").arg(shown).arg(AnswerJson::kMaxFileBytes >> 20));
    QFile file(path);
    QString courseId, error;
    QVector<Answer> answers;
    QVector<PageProgress> progress;
    QVector<Note> notes;
    QVector<Bookmark> bookmarks;
    if (!file.open(QIODevice::ReadOnly))
        return m_notify(tr("Answers Not Imported"), tr("%1 could not be read: %2").arg(shown, file.errorString()));
    if (!AnswerJson::read(file.read(AnswerJson::kMaxFileBytes), &courseId, &answers, &error, &progress, &notes, &bookmarks))
        return m_notify(tr("Answers Not Imported"), tr("Nothing was changed: %1").arg(error));
    if (courseId != course.id) {
        const auto choice = QMessageBox::question(m_window, tr("Import Answers"),
            tr("These answers were written for the course “%1”, not “%2”. Import them into this course anyway?").arg(courseId, course.id));
        if (choice != QMessageBox::Yes)
            return;
    }
    const AnswerStore::ImportReport report = m_store->importAnswers(course.id, answers, progress, notes, bookmarks);
    if (!report.error.isEmpty())
        return m_notify(tr("Answers Not Imported"), tr("Nothing was changed: %1").arg(report.error));
    emit answersImported();
    QString summary = tr("%1 added, %2 updated, %3 unchanged (a newer answer on this computer is kept).")
                          .arg(report.added).arg(report.updated).arg(report.unchanged);
    if (report.redated > 0)
        summary += QLatin1Char(' ') + tr("%1 of them dated in the future (a clock set wrong) are dated now.").arg(report.redated);
    if (report.pagesMerged > 0)
        summary += QLatin1Char(' ') + tr("Your progress in %n page(s) was brought up to date.", nullptr, report.pagesMerged);
    if (report.notesMerged > 0)
        summary += QLatin1Char(' ') + tr("%n note(s) added or updated (an older note stays in its history).", nullptr, report.notesMerged);
    if (report.bookmarksAdded > 0)
        summary += QLatin1Char(' ') + tr("%n bookmark(s) added.", nullptr, report.bookmarksAdded);
    QMessageBox::information(m_window, tr("Answers Imported"), summary);
}

void AnswerActions::showOrphanAnswers(const Course &course)
{
    m_autosaver->flush();
    QSet<QString> ids;
    const PageRenderer renderer(course);
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body, [&ids](const CoursePage &, const RenderedPage &rendered) {
        for (const ActivitySpec &spec : rendered.activities)
            ids.insert(spec.id);
    });
    OrphanAnswersDialog dialog(AnswerStore::orphans(m_store->answers(course.id), ids), m_window);
    dialog.exec();
}
