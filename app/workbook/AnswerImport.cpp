#include "AnswerImport.h"

#include "AnswerConnection.h"
#include "AnswerVersionTable.h"
#include "BookmarkTable.h"
#include "ImmediateTransaction.h"
#include "NoteVersionTable.h"
#include "PageProgressTable.h"

#include <QSqlDatabase>

namespace AnswerImport {

AnswerStore::ImportReport merge(const AnswerConnection &connection, const QString &courseId, const Contents &contents,
                                QVector<Answer> *appended, QVector<Note> *notesAppended)
{
    AnswerStore::ImportReport report;
    auto failed = [&](const QString &message) {
        AnswerStore::ImportReport nothing;
        nothing.error = message;
        return nothing;
    };

    const QSqlDatabase db = connection.database();
    const QString what = AnswerStore::tr("The answers could not be imported");
    ImmediateTransaction transaction(db);
    if (!transaction.begun())
        return failed(connection.describe(what, transaction.error()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Answer &incoming : contents.answers) {
        if (const QString invalid = AnswerVersionTable::invalidAnswer(incoming); !invalid.isEmpty())
            return failed(AnswerStore::tr("The answers could not be imported: %1").arg(invalid));
        if (!incoming.updated.isValid())
            return failed(AnswerStore::tr("The answers could not be imported: the answer to %1 has no date.").arg(incoming.activityId));
        Answer answer = incoming;
        answer.courseId = courseId;
        const bool redated = incoming.updated > AnswerVersionTable::latestPossible(now);
        answer.updated = redated ? now : incoming.updated.toUTC();
        QString error;
        if (!AnswerVersionTable::redateImpossible(db, courseId, answer.activityId, now, &error))
            return failed(connection.describe(what, error));
        const std::optional<Answer> current = AnswerVersionTable::current(db, courseId, answer.activityId, &error);
        if (!error.isEmpty())
            return failed(connection.describe(what, error));
        if (current && (AnswerVersionTable::sameContent(*current, answer) || answer.updated <= current->updated)) {
            ++report.unchanged;
            continue;
        }
        if (!AnswerVersionTable::insert(db, answer, &error))
            return failed(connection.describe(what, error));
        ++(current ? report.updated : report.added);
        report.redated += redated ? 1 : 0;
        report.changedActivities << answer.activityId;
        *appended << answer;
    }
    const QDateTime latest = AnswerVersionTable::latestPossible(now);
    for (PageProgress incoming : contents.progress) {
        if (incoming.pageId.isEmpty())
            return failed(AnswerStore::tr("The answers could not be imported: a page's progress has no page id."));
        // A date no right clock gave would win every later merge: it counts as now.
        for (QDateTime *date : {&incoming.markUpdated, &incoming.read}) {
            if (date->isValid() && *date > latest)
                *date = now;
        }
        QString error;
        const std::optional<PageProgress> local = PageProgressTable::find(db, courseId, incoming.pageId, &error);
        if (!error.isEmpty())
            return failed(connection.describe(what, error));
        const PageProgress merged = local ? PageProgressTable::merged(*local, incoming) : incoming;
        if (local && merged == *local)
            continue;
        if (!PageProgressTable::write(db, courseId, merged, &error))
            return failed(connection.describe(what, error));
        ++report.pagesMerged;
    }
    for (const Note &incoming : contents.notes) {
        if (incoming.pageId.isEmpty() || !incoming.updated.isValid())
            return failed(AnswerStore::tr("The answers could not be imported: a note has no page or no date."));
        Note note = incoming;
        note.courseId = courseId;
        note.updated = incoming.updated > latest ? now : incoming.updated.toUTC();
        QString error;
        if (!NoteVersionTable::redateImpossible(db, courseId, note.pageId, now, &error))
            return failed(connection.describe(what, error));
        const std::optional<Note> current = NoteVersionTable::current(db, courseId, note.pageId, &error);
        if (!error.isEmpty())
            return failed(connection.describe(what, error));
        // The newest wins; the local note, older, stays in the history under the imported one.
        if (current ? current->text == note.text || note.updated <= current->updated : note.text.isEmpty())
            continue;
        if (!NoteVersionTable::insert(db, note, &error))
            return failed(connection.describe(what, error));
        ++report.notesMerged;
        *notesAppended << note;
    }
    for (Bookmark bookmark : contents.bookmarks) {
        if (bookmark.pageId.isEmpty())
            return failed(AnswerStore::tr("The answers could not be imported: a bookmark has no page."));
        bookmark.courseId = courseId;
        if (!bookmark.created.isValid() || bookmark.created > latest)
            bookmark.created = now;
        bool added = false;
        QString error;
        if (!BookmarkTable::insert(db, bookmark, &added, &error))
            return failed(connection.describe(what, error));
        report.bookmarksAdded += added ? 1 : 0;
    }
    if (!transaction.commit())
        return failed(connection.describe(what, transaction.error()));
    return report;
}

}  // namespace AnswerImport
