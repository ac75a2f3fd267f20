#include "AnswerStore.h"

#include "StoreLog.h"

#include "AnswerConnection.h"
#include "AnswerImport.h"
#include "AnswerVersionTable.h"
#include "BookmarkTable.h"
#include "ImmediateTransaction.h"
#include "NoteVersionTable.h"
#include "PageProgressTable.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QStandardPaths>

#include <algorithm>
#include <iterator>

AnswerStore::AnswerStore(QObject *parent)
    : QObject(parent)
    , m_connection(std::make_unique<AnswerConnection>())
    , m_history(kDefaultBurstSeconds)
{
}

AnswerStore::~AnswerStore() = default;

QString AnswerStore::defaultDataDir()
{
    const QString fromEnvironment = qEnvironmentVariable("COURSEBOOK_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // ~/.local/share/coursebook: AppDataLocation would nest organisation and application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/coursebook");
}

bool AnswerStore::isOpen() const
{
    return m_connection->isOpen();
}

QString AnswerStore::databasePath() const
{
    return m_connection->path();
}

QString AnswerStore::lastError() const
{
    return m_lastError;
}

bool AnswerStore::fail(const QString &message) const
{
    qCWarning(lcStore).noquote() << message;
    m_lastError = message;
    return false;
}

bool AnswerStore::readable() const
{
    m_lastError.clear();
    return m_connection->isOpen() || fail(tr("Your answers cannot be read: the answers file is not open."));
}

void AnswerStore::readFailed(const QString &sqlError) const
{
    if (!sqlError.isEmpty())
        fail(m_connection->describe(tr("Your answers cannot be read"), sqlError));
}

AnswerStore::OpenReport AnswerStore::open(const QString &dataDir)
{
    const OpenReport report = m_connection->open(dataDir);
    if (!report.message.isEmpty())
        qCWarning(lcStore).noquote() << report.message;
    // A file moved aside leaves a fresh store that works: only the report tells of it.
    m_lastError = report.status == OpenReport::Status::MovedAside ? QString() : report.message;
    return report;
}

bool AnswerStore::ensureWritable()
{
    // SQLite would keep writing into a deleted file, losing every later save, so a file
    // that vanished (the folder was cleaned up) is recreated by reopening too.
    if (m_connection->isWritable() && QFileInfo::exists(m_connection->path()))
        return true;
    if (m_connection->dataDir().isEmpty())
        return fail(tr("Your answers cannot be saved: no answers folder was opened."));
    const OpenReport report = open(m_connection->dataDir());
    return m_connection->isWritable() || fail(report.message);
}

std::optional<Answer> AnswerStore::answer(const QString &courseId, const QString &activityId) const
{
    if (!readable())
        return std::nullopt;
    QString error;
    std::optional<Answer> current = AnswerVersionTable::current(m_connection->database(), courseId, activityId, &error);
    readFailed(error);
    return current;
}

QVector<Answer> AnswerStore::answers(const QString &courseId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<Answer> current = AnswerVersionTable::currentOfCourse(m_connection->database(), courseId, &error);
    readFailed(error);
    return current;
}

QVector<Answer> AnswerStore::history(const QString &courseId, const QString &activityId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<Answer> versions = AnswerVersionTable::history(m_connection->database(), courseId, activityId, &error);
    readFailed(error);
    return versions;
}

bool AnswerStore::save(const Answer &answer)
{
    m_lastError.clear();
    if (answer.courseId.isEmpty())
        return fail(tr("The answer to %1 has no course id.").arg(answer.activityId));
    if (const QString invalid = AnswerVersionTable::invalidAnswer(answer); !invalid.isEmpty())
        return fail(invalid);
    if (!ensureWritable())
        return false;

    const QSqlDatabase db = m_connection->database();
    const QString what = tr("Your answer to %1 could not be saved").arg(answer.activityId);
    ImmediateTransaction transaction(db);
    if (!transaction.begun())
        return fail(m_connection->describe(what, transaction.error()));
    QString error;
    if (!AnswerVersionTable::redateImpossible(db, answer.courseId, answer.activityId, QDateTime::currentDateTimeUtc(), &error))
        return fail(m_connection->describe(what, error));
    const std::optional<Answer> current = AnswerVersionTable::current(db, answer.courseId, answer.activityId, &error);
    if (!error.isEmpty())
        return fail(m_connection->describe(what, error));
    if (current && AnswerVersionTable::sameContent(*current, answer))
        return transaction.commit() || fail(m_connection->describe(what, transaction.error()));

    const std::optional<Answer> stored = m_history.append(db, answer, current, &error);
    if (!stored)
        return fail(m_connection->describe(what, error));
    if (!transaction.commit())
        return fail(m_connection->describe(what, transaction.error()));
    emit answerSaved(*stored);
    return true;
}

bool AnswerStore::restore(const QString &courseId, const QString &activityId, const QDateTime &versionUpdated)
{
    const QVector<Answer> versions = history(courseId, activityId);
    if (!m_lastError.isEmpty())
        return false;
    const std::optional<Answer> again = m_history.restoration(versions, versionUpdated);
    if (!again)
        return fail(tr("The answer to %1 has no version saved at %2.").arg(activityId, AnswerVersionTable::isoUtc(versionUpdated)));
    return save(*again);
}

QVector<PageProgress> AnswerStore::progress(const QString &courseId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<PageProgress> pages = PageProgressTable::ofCourse(m_connection->database(), courseId, &error);
    readFailed(error);
    return pages;
}

bool AnswerStore::changeProgress(const QString &courseId, const QString &pageId, const std::function<void(PageProgress &)> &change)
{
    m_lastError.clear();
    if (courseId.isEmpty() || pageId.isEmpty())
        return fail(tr("Your progress cannot be saved without a course and a page."));
    if (!ensureWritable())
        return false;
    const QSqlDatabase db = m_connection->database();
    const QString what = tr("Your progress in %1 could not be saved").arg(pageId);
    ImmediateTransaction transaction(db);
    if (!transaction.begun())
        return fail(m_connection->describe(what, transaction.error()));
    QString error;
    PageProgress page = PageProgressTable::find(db, courseId, pageId, &error).value_or(PageProgress{});
    if (!error.isEmpty())
        return fail(m_connection->describe(what, error));
    page.pageId = pageId;
    change(page);
    if (!PageProgressTable::write(db, courseId, page, &error))
        return fail(m_connection->describe(what, error));
    if (!transaction.commit())
        return fail(m_connection->describe(what, transaction.error()));
    emit progressChanged(courseId, pageId);
    return true;
}

bool AnswerStore::saveReadingPosition(const QString &courseId, const QString &pageId, const QString &anchor, double offset)
{
    return changeProgress(courseId, pageId, [&](PageProgress &page) {
        page.visited = true;
        page.anchor = anchor;
        page.offset = qBound(0.0, offset, 1.0);
        page.read = QDateTime::currentDateTimeUtc();
    });
}

bool AnswerStore::markPage(const QString &courseId, const QString &pageId, PageProgress::Mark mark)
{
    return changeProgress(courseId, pageId, [&](PageProgress &page) {
        page.mark = mark;
        // Later than the mark it replaces even when the clock went back, so that it wins a merge.
        page.markUpdated = std::max(QDateTime::currentDateTimeUtc(), page.markUpdated.addMSecs(1));
    });
}

bool AnswerStore::write(const QString &what, const std::function<bool(const QSqlDatabase &, QString *)> &work)
{
    if (!ensureWritable())
        return false;
    const QSqlDatabase db = m_connection->database();
    ImmediateTransaction transaction(db);
    if (!transaction.begun())
        return fail(m_connection->describe(what, transaction.error()));
    QString error;
    if (!work(db, &error))
        return fail(m_connection->describe(what, error));
    return transaction.commit() || fail(m_connection->describe(what, transaction.error()));
}

std::optional<Note> AnswerStore::note(const QString &courseId, const QString &pageId) const
{
    if (!readable())
        return std::nullopt;
    QString error;
    std::optional<Note> current = NoteVersionTable::current(m_connection->database(), courseId, pageId, &error);
    readFailed(error);
    return current;
}

QVector<Note> AnswerStore::notes(const QString &courseId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<Note> current = NoteVersionTable::currentOfCourse(m_connection->database(), courseId, &error);
    readFailed(error);
    return current;
}

QVector<Note> AnswerStore::noteHistory(const QString &courseId, const QString &pageId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<Note> versions = NoteVersionTable::history(m_connection->database(), courseId, pageId, &error);
    readFailed(error);
    return versions;
}

bool AnswerStore::saveNote(const Note &note)
{
    m_lastError.clear();
    if (note.courseId.isEmpty() || note.pageId.isEmpty())
        return fail(tr("Your note cannot be saved without a course and a page."));
    std::optional<Note> stored;
    const bool written = write(tr("Your note on %1 could not be saved").arg(note.pageId), [&](const QSqlDatabase &db, QString *error) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!NoteVersionTable::redateImpossible(db, note.courseId, note.pageId, now, error))
            return false;
        const std::optional<Note> current = NoteVersionTable::current(db, note.courseId, note.pageId, error);
        if (!error->isEmpty())
            return false;
        if (current ? current->text == note.text : note.text.isEmpty())
            return true;  // nothing new for the history
        Note version = note;
        version.updated = VersionBursts::versionDate(note.updated, current ? std::optional(current->updated) : std::nullopt, now);
        // A typing burst rewrites its version (see VersionBursts), inside this transaction.
        const QString key = VersionBursts::key(note.courseId, note.pageId);
        if (const auto row = m_noteBursts.rowToExtend(key, NoteVersionTable::currentId(db, note.courseId, note.pageId), now)) {
            if (!NoteVersionTable::update(db, *row, version, error))
                return false;
        } else {
            qint64 rowId = -1;
            if (!NoteVersionTable::insert(db, version, error, &rowId))
                return false;
            m_noteBursts.started(key, rowId, now);
        }
        stored = version;
        return true;
    });
    if (written && stored)
        emit noteSaved(*stored);
    return written;
}

bool AnswerStore::restoreNote(const QString &courseId, const QString &pageId, const QDateTime &versionUpdated)
{
    const QVector<Note> versions = noteHistory(courseId, pageId);
    if (!m_lastError.isEmpty())
        return false;
    const auto version = std::find_if(versions.begin(), versions.end(), [&](const Note &n) {
        return AnswerVersionTable::isoUtc(n.updated) == AnswerVersionTable::isoUtc(versionUpdated);
    });
    if (version == versions.end())
        return fail(tr("The note on %1 has no version saved at %2.").arg(pageId, AnswerVersionTable::isoUtc(versionUpdated)));
    Note again = *version;
    again.updated = QDateTime::currentDateTimeUtc();
    m_noteBursts.forget(VersionBursts::key(courseId, pageId));  // a restore is a version of its own
    return saveNote(again);
}

QVector<Bookmark> AnswerStore::bookmarks(const QString &courseId) const
{
    if (!readable())
        return {};
    QString error;
    const QVector<Bookmark> all = BookmarkTable::ofCourse(m_connection->database(), courseId, &error);
    readFailed(error);
    return all;
}

bool AnswerStore::addBookmark(const Bookmark &bookmark)
{
    m_lastError.clear();
    if (bookmark.courseId.isEmpty() || bookmark.pageId.isEmpty())
        return fail(tr("A bookmark needs a course and a page."));
    Bookmark stored = bookmark;
    if (!stored.created.isValid() || stored.created > AnswerVersionTable::latestPossible(QDateTime::currentDateTimeUtc()))
        stored.created = QDateTime::currentDateTimeUtc();
    bool added = false;
    if (!write(tr("The bookmark of %1 could not be saved").arg(bookmark.title),
               [&](const QSqlDatabase &db, QString *error) { return BookmarkTable::insert(db, stored, &added, error); }))
        return false;
    if (added)
        emit bookmarksChanged(bookmark.courseId);
    return true;
}

bool AnswerStore::removeBookmark(const QString &courseId, const QString &pageId, const QString &anchor)
{
    m_lastError.clear();
    bool removed = false;
    if (!write(tr("The bookmark could not be removed"),
               [&](const QSqlDatabase &db, QString *error) { return BookmarkTable::remove(db, courseId, pageId, anchor, &removed, error); }))
        return false;
    if (removed)
        emit bookmarksChanged(courseId);
    return true;
}

AnswerStore::ImportReport AnswerStore::importAnswers(const QString &courseId, const QVector<Answer> &answers,
                                                     const QVector<PageProgress> &progress, const QVector<Note> &notes,
                                                     const QVector<Bookmark> &bookmarks)
{
    m_lastError.clear();
    if (!ensureWritable()) {
        ImportReport failed;
        failed.error = m_lastError;
        return failed;
    }
    QVector<Answer> appended;
    QVector<Note> notesAppended;
    const ImportReport report = AnswerImport::merge(*m_connection, courseId, {answers, progress, notes, bookmarks}, &appended,
                                                    &notesAppended);
    if (!report.error.isEmpty()) {
        fail(report.error);
        return report;
    }
    for (const Answer &answer : std::as_const(appended))
        emit answerSaved(answer);
    for (const Note &note : std::as_const(notesAppended))
        emit noteSaved(note);
    if (report.pagesMerged > 0)
        emit progressChanged(courseId, QString());
    if (report.bookmarksAdded > 0)
        emit bookmarksChanged(courseId);
    return report;
}

QVector<Answer> AnswerStore::orphans(const QVector<Answer> &all, const QSet<QString> &activityIds)
{
    QVector<Answer> result;
    std::copy_if(all.begin(), all.end(), std::back_inserter(result),
                 [&](const Answer &a) { return !activityIds.contains(a.activityId); });
    return result;
}
