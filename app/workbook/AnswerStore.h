#pragma once

#include "Answer.h"
#include "AnswerHistory.h"
#include "Bookmark.h"
#include "Note.h"
#include "PageProgress.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class AnswerConnection;
class QSqlDatabase;

// The learner's answers, kept in <data dir>/answers.sqlite (SQLite through Qt Sql).
// Every save appends a version, so nothing typed is ever overwritten; the current answer
// of an activity is its newest version. Answers are keyed by course id and activity id
// only, so they outlive course updates: an answer whose activity is gone is an orphan,
// still listed by answers().
//
// Several stores (in this or other processes) may share one file: every write is one
// BEGIN IMMEDIATE transaction and waits up to 5 s for the others.
class AnswerStore : public QObject
{
    Q_OBJECT
public:
    struct OpenReport {
        enum class Status {
            Ok,
            MovedAside,  // the old file was damaged or from a newer version: kept aside, a fresh store opened
            ReadOnly,    // nothing can be saved; isOpen() tells whether existing answers can still be read
            Failed       // not open
        };
        Status status = Status::Ok;
        QString message;  // for the learner: what happened, and where the old file is now
        QString movedTo;  // MovedAside: the path the old database was moved to
    };

    explicit AnswerStore(QObject *parent = nullptr);
    ~AnswerStore() override;

    static QString defaultDataDir();  // $COURSEBOOK_DATA_DIR, else QStandardPaths::AppDataLocation
    OpenReport open(const QString &dataDir);  // creates the folder and <dataDir>/answers.sqlite
    bool isOpen() const;                      // answers can be read (perhaps not saved: see ReadOnly)
    QString databasePath() const;

    // Reads return nothing and set lastError() when the store cannot be read.
    std::optional<Answer> answer(const QString &courseId, const QString &activityId) const;  // the current version
    QVector<Answer> answers(const QString &courseId) const;  // current version of each activity, any order
    QVector<Answer> history(const QString &courseId, const QString &activityId) const;  // every version, newest first

    // Appends a version unless it has the same kind, value and done as the current one, or
    // extends the version this store saved moments ago (see setBurstSeconds).
    // An invalid `updated`, or one more than a day ahead of the clock, becomes now; one not
    // after the current version's becomes 1 ms after it (the clock went back), so the answer
    // saved last is always the current one. Versions dated impossibly late (by another
    // program, or before imports were checked) are dated now first, so that nothing stored
    // can make a save fail.
    // When the store is not writable it is reopened first, so calling save() again after a
    // failure succeeds once the folder can be written. False + lastError() on failure.
    bool save(const Answer &answer);
    // Saves the version whose `updated` is versionUpdated again, as the newest.
    bool restore(const QString &courseId, const QString &activityId, const QDateTime &versionUpdated);
    QString lastError() const;  // for the learner; empty when the last call succeeded

    // Where the learner stands in each page of the course they opened or marked, any order.
    QVector<PageProgress> progress(const QString &courseId) const;
    // The page is being read with `anchor` (a heading id, "" for the top) at the top of the
    // view, `offset` (0 to 1) through its section: it is visited, and the last page read.
    bool saveReadingPosition(const QString &courseId, const QString &pageId, const QString &anchor, double offset);
    bool markPage(const QString &courseId, const QString &pageId, PageProgress::Mark mark);

    // The learner's private note on each page: versioned, saved and dated as answers are
    // (bursts, clock rules, reopening); an empty text is a version too, meaning "no note".
    std::optional<Note> note(const QString &courseId, const QString &pageId) const;  // the current version
    QVector<Note> notes(const QString &courseId) const;  // current, non-empty notes, any order
    QVector<Note> noteHistory(const QString &courseId, const QString &pageId) const;  // newest first
    bool saveNote(const Note &note);
    // Saves the note's version whose `updated` is versionUpdated again, as the newest.
    bool restoreNote(const QString &courseId, const QString &pageId, const QDateTime &versionUpdated);

    QVector<Bookmark> bookmarks(const QString &courseId) const;  // oldest first
    // Adding a place already bookmarked, or removing one that is not, succeeds and changes nothing.
    bool addBookmark(const Bookmark &bookmark);
    bool removeBookmark(const QString &courseId, const QString &pageId, const QString &anchor);

    struct ImportReport {
        int added = 0;      // activities that had no answer
        int updated = 0;    // imported answer newer than the current one and different
        int unchanged = 0;  // same content, or the current answer is newer
        int redated = 0;    // of added and updated: dated more than a day ahead (a clock set wrong), stored as dated now
        int pagesMerged = 0;  // pages whose progress the import changed (PageProgressTable::merged)
        int notesMerged = 0;  // notes added or replaced by a newer one (the older stays in the note's history)
        int bookmarksAdded = 0;  // places that were not bookmarked here
        QString error;      // set: nothing was imported
        QStringList changedActivities;  // added and updated, in import order
    };
    // Merges answers into courseId (their own courseId is ignored): for each activity the
    // newest `updated` wins, and a winning import is appended as a version, so the local
    // answer stays in the history. An answer dated more than a day ahead of this computer's
    // clock counts as dated now (see ImportReport::redated): a wrong clock where it was
    // written must not make it win every merge and date later saves after year 9999.
    // Progress merges page by page (PageProgressTable::merged), never losing a visit or a
    // newer mark. All in one transaction: on any error nothing changes.
    // Notes merge as answers do (the newest wins, the other stays in the history); bookmarks
    // are the union of both.
    ImportReport importAnswers(const QString &courseId, const QVector<Answer> &answers,
                               const QVector<PageProgress> &progress = {}, const QVector<Note> &notes = {},
                               const QVector<Bookmark> &bookmarks = {});

    // The answers whose activity is not in activityIds (it was removed or renamed in the course).
    static QVector<Answer> orphans(const QVector<Answer> &all, const QSet<QString> &activityIds);

    static constexpr int kSchemaVersion = 4;  // 2: page_progress; 3: note_versions, bookmarks; 4: search index
    // Saves of one activity by this store within this many seconds of the burst's first
    // save update one version: history keeps a version per sitting, not per pause.
    static constexpr int kDefaultBurstSeconds = 120;
    void setBurstSeconds(int seconds)  // 0: a version per save
    {
        m_history.setBurstSeconds(seconds);
        m_noteBursts.setBurstSeconds(seconds);
    }
    int burstSeconds() const { return m_history.burstSeconds(); }

    // Reopens the file when it cannot be written or vanished (as save() does first): after
    // another connection recreated it or made it writable, reads here see what it wrote.
    bool ensureWritable();
    // A version another connection of this process appended (the autosaver's AnswerWriter),
    // told to this store's listeners as if it had been saved here.
    void announce(const Answer &stored) { emit answerSaved(stored); }
    void announce(const Note &stored) { emit noteSaved(stored); }
    void announceProgress(const QString &courseId, const QString &pageId) { emit progressChanged(courseId, pageId); }

signals:
    // After every version appended by save(), restore() and importAnswers(), as stored (and announce()).
    void answerSaved(const Answer &answer);
    // After a page's progress was changed by this store or announced (one signal with an empty pageId after an import).
    void progressChanged(const QString &courseId, const QString &pageId);
    // After every note version appended by saveNote(), restoreNote() and importAnswers(), as stored (and announce()).
    void noteSaved(const Note &note);
    // After a bookmark was added or removed by this store, or bookmarks were imported.
    void bookmarksChanged(const QString &courseId);

private:
    bool changeProgress(const QString &courseId, const QString &pageId, const std::function<void(PageProgress &)> &change);
    // One BEGIN IMMEDIATE transaction around `work`; what: "Your note on X could not be saved".
    bool write(const QString &what, const std::function<bool(const QSqlDatabase &, QString *)> &work);
    bool readable() const;                             // clears lastError(); false + lastError() when not open
    void readFailed(const QString &sqlError) const;  // sets lastError() unless sqlError is empty
    bool fail(const QString &message) const;

    const std::unique_ptr<AnswerConnection> m_connection;  // opening, recovery and the schema
    AnswerHistory m_history;  // a version per sitting
    VersionBursts m_noteBursts{kDefaultBurstSeconds};  // the same for notes
    mutable QString m_lastError;
};
