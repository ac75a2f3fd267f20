#include "AnswersCommands.h"

#include "AnswerJson.h"
#include "AnswerStore.h"
#include "CommandLineFiles.h"
#include "CourseLoader.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLineTool", text);
}

}  // namespace

namespace AnswersCommands {

int exportAnswers(const QString &courseId, const AnswerStore &store, const QString &target, QTextStream &out, QTextStream &err)
{
    const QVector<Answer> answers = store.answers(courseId);
    const QVector<PageProgress> progress = store.progress(courseId);
    const QVector<Note> notes = store.notes(courseId);
    const QVector<Bookmark> bookmarks = store.bookmarks(courseId);
    if (!store.lastError().isEmpty()) {
        err << "coursebook: " << store.lastError() << "\n";
        return 1;
    }
    // An existing file is replaced only by a complete new one.
    QString error;
    if (!CommandLineFiles::write(target, AnswerJson::write(courseId, answers, progress, notes, bookmarks), &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    if (!CommandLineFiles::isStandardStream(target))  // there, only the answers
        out << "exported " << answers.size() << " answers of course " << courseId << " to " << target << "\n";
    return 0;
}

int importAnswers(const QString &source, const QString &coursePath, const std::function<bool(AnswerStore &)> &openStore,
                  QTextStream &summary, QTextStream &err)
{
    QByteArray bytes;
    QString error;
    if (!CommandLineFiles::read(source, &bytes, &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    QString fileCourseId;
    QVector<Answer> answers;
    QVector<PageProgress> progress;
    QVector<Note> notes;
    QVector<Bookmark> bookmarks;
    if (!AnswerJson::read(bytes, &fileCourseId, &answers, &error, &progress, &notes, &bookmarks)) {
        err << "coursebook: " << source << ": " << error << "\n";
        return 1;
    }
    const QString courseId = CourseLoader::load(coursePath).id;
    if (fileCourseId != courseId) {
        err << "coursebook: "
            << tr("%1 holds answers for course \"%2\", but %3 is course \"%4\" (choose the course with --course)")
                   .arg(source, fileCourseId, coursePath, courseId)
            << "\n";
        return 1;
    }
    AnswerStore store;
    if (!openStore(store))
        return 1;
    const AnswerStore::ImportReport report = store.importAnswers(courseId, answers, progress, notes, bookmarks);
    if (!report.error.isEmpty()) {
        err << "coursebook: " << report.error << "\n";
        return 1;
    }
    summary << "added " << report.added << ", updated " << report.updated << ", unchanged " << report.unchanged;
    if (report.redated > 0)
        summary << ", " << report.redated << " dated in the future and so dated now";
    if (report.pagesMerged > 0)
        summary << ", progress merged in " << report.pagesMerged << " pages";
    if (report.notesMerged > 0)
        summary << ", " << report.notesMerged << " notes merged";
    if (report.bookmarksAdded > 0)
        summary << ", " << report.bookmarksAdded << " bookmarks added";
    summary << "\n";
    for (const QString &activityId : report.changedActivities)
        summary << activityId << "\n";
    return 0;
}

}  // namespace AnswersCommands
