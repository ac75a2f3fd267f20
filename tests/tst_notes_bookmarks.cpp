// Tests for the learner's notes and bookmarks in the answer store (issue 15): versions and
// their dates as answers have them, the file written at once, bookmarks toggled, and both
// carried by the portable answers file (version 3) and merged by an import.

#include "AnswerFixture.h"
#include "AnswerJson.h"
#include "AnswerStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AnswerFixture;

namespace {

const QString kPage = QStringLiteral("m1/intro");

Note note(const QString &text, const QDateTime &updated = QDateTime(), const QString &pageId = kPage)
{
    return Note{kCourse, pageId, text, updated};
}

QStringList noteTexts(const QVector<Note> &notes)
{
    QStringList texts;
    for (const Note &n : notes)
        texts << n.text;
    return texts;
}

}  // namespace

class TestNotesBookmarks : public QObject
{
    Q_OBJECT

private slots:
    void noteIsInTheFileOnceSaved();
    void typingBurstIsOneVersionAndASittingAnother();
    void emptiedNoteIsAVersionButNoNote();
    void clockGoingBackKeepsTheLastSaveCurrent();
    void restoringANoteAddsAVersion();
    void refusesANoteWithoutAPage();
    void bookmarksAddOnceAndRemove();
    void answersFileCarriesNotesAndBookmarks();
    void olderAnswersFilesStillRead();
    void refusesABadNoteInAFile();
    void importMergesNotesNewestWinsAndBookmarksUnion();
    void importWithABadBookmarkChangesNothing();

private:
    static std::unique_ptr<AnswerStore> openStore(const QString &dir, int burstSeconds = 0)
    {
        auto store = std::make_unique<AnswerStore>();
        store->setBurstSeconds(burstSeconds);
        if (store->open(dir).status != AnswerStore::OpenReport::Status::Ok)
            return nullptr;
        return store;
    }
};

void TestNotesBookmarks::noteIsInTheFileOnceSaved()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QVERIFY(store);
    QSignalSpy saved(store.get(), &AnswerStore::noteSaved);
    QVERIFY2(store->saveNote(note(QStringLiteral("Ask the group about badges ✂️"))), qPrintable(store->lastError()));
    QCOMPARE(saved.count(), 1);
    // Another program reading the file right now (as after a crash) finds it.
    QCOMPARE(sqlite(store->databasePath(), {QStringLiteral("SELECT text FROM note_versions WHERE page_id = 'm1/intro'")}).toString(),
             QStringLiteral("Ask the group about badges ✂️"));
    QCOMPARE(store->note(kCourse, kPage)->text, QStringLiteral("Ask the group about badges ✂️"));
    QVERIFY(!store->note(kCourse, QStringLiteral("m1/other")).has_value());
    QVERIFY(!store->note(QStringLiteral("other-course"), kPage).has_value());
}

void TestNotesBookmarks::typingBurstIsOneVersionAndASittingAnother()
{
    QTemporaryDir dir;
    {
        const auto store = openStore(dir.path(), AnswerStore::kDefaultBurstSeconds);
        for (const QString &t : {QStringLiteral("A"), QStringLiteral("As"), QStringLiteral("Ask")})
            QVERIFY(store->saveNote(note(t)));
        QCOMPARE(noteTexts(store->noteHistory(kCourse, kPage)), QStringList{QStringLiteral("Ask")});
    }
    const auto later = openStore(dir.path(), AnswerStore::kDefaultBurstSeconds);
    QVERIFY(later->saveNote(note(QStringLiteral("Ask them"))));
    QCOMPARE(noteTexts(later->noteHistory(kCourse, kPage)), (QStringList{QStringLiteral("Ask them"), QStringLiteral("Ask")}));
    // Saving the same text again adds nothing.
    QSignalSpy saved(later.get(), &AnswerStore::noteSaved);
    QVERIFY(later->saveNote(note(QStringLiteral("Ask them"))));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(later->noteHistory(kCourse, kPage).size(), 2);
}

void TestNotesBookmarks::emptiedNoteIsAVersionButNoNote()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QVERIFY2(store->saveNote(note(QString())), qPrintable(store->lastError()));  // nothing to keep: no version
    QVERIFY(store->noteHistory(kCourse, kPage).isEmpty());
    QVERIFY(store->saveNote(note(QStringLiteral("first"))));
    QVERIFY(store->saveNote(note(QStringLiteral("second"), QDateTime(), QStringLiteral("m2/plan"))));
    QCOMPARE(store->notes(kCourse).size(), 2);
    QVERIFY(store->saveNote(note(QString())));
    QCOMPARE(store->note(kCourse, kPage)->text, QString());
    QCOMPARE(noteTexts(store->noteHistory(kCourse, kPage)), (QStringList{QString(), QStringLiteral("first")}));
    const QVector<Note> current = store->notes(kCourse);  // only notes with text
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().pageId, QStringLiteral("m2/plan"));
}

void TestNotesBookmarks::clockGoingBackKeepsTheLastSaveCurrent()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QVERIFY(store->saveNote(note(QStringLiteral("now"), kBase.addDays(1))));
    QVERIFY(store->saveNote(note(QStringLiteral("clock went back"), kBase)));
    const std::optional<Note> current = store->note(kCourse, kPage);
    QCOMPARE(current->text, QStringLiteral("clock went back"));
    QCOMPARE(current->updated, kBase.addDays(1).addMSecs(1));
    // A date no right clock gives is dated now.
    QVERIFY(store->saveNote(note(QStringLiteral("far future"), QDateTime::currentDateTimeUtc().addYears(50))));
    QVERIFY(store->note(kCourse, kPage)->updated <= QDateTime::currentDateTimeUtc());
}

void TestNotesBookmarks::restoringANoteAddsAVersion()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path(), AnswerStore::kDefaultBurstSeconds);
    QVERIFY(store->saveNote(note(QStringLiteral("old"), kBase)));
    const QDateTime old = store->note(kCourse, kPage)->updated;
    QVERIFY(store->restoreNote(kCourse, kPage, old));  // the same text: nothing new
    const auto second = openStore(dir.path(), AnswerStore::kDefaultBurstSeconds);
    QVERIFY(second->saveNote(note(QStringLiteral("new"))));
    QVERIFY2(second->restoreNote(kCourse, kPage, old), qPrintable(second->lastError()));
    QCOMPARE(noteTexts(second->noteHistory(kCourse, kPage)), (QStringList{QStringLiteral("old"), QStringLiteral("new"), QStringLiteral("old")}));
    QVERIFY(!second->restoreNote(kCourse, kPage, kBase.addYears(-1)));
    QVERIFY(!second->lastError().isEmpty());
}

void TestNotesBookmarks::refusesANoteWithoutAPage()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QVERIFY(!store->saveNote(Note{kCourse, QString(), QStringLiteral("lost?"), QDateTime()}));
    QVERIFY(!store->lastError().isEmpty());
    QVERIFY(!store->addBookmark(Bookmark{kCourse, QString(), QString(), QStringLiteral("x"), QDateTime()}));
}

void TestNotesBookmarks::bookmarksAddOnceAndRemove()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QSignalSpy changed(store.get(), &AnswerStore::bookmarksChanged);
    const Bookmark page{kCourse, kPage, QString(), QStringLiteral("Introduction"), kBase};
    const Bookmark heading{kCourse, kPage, QStringLiteral("why-it-matters"), QStringLiteral("Why it matters"), kBase.addSecs(5)};
    QVERIFY(store->addBookmark(page));
    QVERIFY(store->addBookmark(heading));
    QVERIFY(store->addBookmark(page));  // already there: nothing changes
    QCOMPARE(changed.count(), 2);
    QCOMPARE(store->bookmarks(kCourse), (QVector<Bookmark>{page, heading}));
    QVERIFY(store->bookmarks(QStringLiteral("other-course")).isEmpty());
    QVERIFY(store->removeBookmark(kCourse, kPage, QString()));
    QCOMPARE(store->bookmarks(kCourse), QVector<Bookmark>{heading});
    QVERIFY(store->removeBookmark(kCourse, kPage, QString()));  // gone already: fine, no signal
    QCOMPARE(changed.count(), 3);
    // In the file at once.
    QCOMPARE(sqlite(store->databasePath(), {QStringLiteral("SELECT count(*) FROM bookmarks")}).toInt(), 1);
}

void TestNotesBookmarks::answersFileCarriesNotesAndBookmarks()
{
    const QVector<Note> notes{Note{kCourse, QStringLiteral("m2/plan"), QStringLiteral("Two\nlines 😀"), kBase},
                              Note{kCourse, kPage, QStringLiteral("one"), kBase.addSecs(1)}};
    const QVector<Bookmark> bookmarks{Bookmark{kCourse, kPage, QStringLiteral("why"), QStringLiteral("Why"), kBase}};
    const QByteArray json = AnswerJson::write(kCourse, {}, {}, notes, bookmarks);
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("version")).toInt(), 3);
    QString courseId, error;
    QVector<Answer> answers;
    QVector<Note> readNotes;
    QVector<Bookmark> readBookmarks;
    QVERIFY2(AnswerJson::read(json, &courseId, &answers, &error, nullptr, &readNotes, &readBookmarks), qPrintable(error));
    QCOMPARE(readNotes.size(), 2);
    QCOMPARE(readNotes.at(0).pageId, kPage);  // sorted by page
    QCOMPARE(readNotes.at(1).text, QStringLiteral("Two\nlines 😀"));
    QCOMPARE(readNotes.at(1).updated, kBase);
    QCOMPARE(readBookmarks.size(), 1);
    QCOMPARE(readBookmarks.first().anchor, QStringLiteral("why"));
    QCOMPARE(readBookmarks.first().title, QStringLiteral("Why"));
    QCOMPARE(readBookmarks.first().created, kBase);
}

void TestNotesBookmarks::olderAnswersFilesStillRead()
{
    for (int version : {1, 2}) {
        QJsonObject root{{QStringLiteral("format"), QStringLiteral("coursebook-answers")},
                         {QStringLiteral("version"), version},
                         {QStringLiteral("course"), kCourse},
                         {QStringLiteral("answers"), QJsonArray()}};
        if (version == 2)
            root.insert(QStringLiteral("progress"), QJsonArray());
        QString courseId, error;
        QVector<Answer> answers;
        QVector<Note> notes{note(QStringLiteral("stale"))};
        QVector<Bookmark> bookmarks{Bookmark{}};
        QVERIFY2(AnswerJson::read(QJsonDocument(root).toJson(), &courseId, &answers, &error, nullptr, &notes, &bookmarks),
                 qPrintable(error));
        QVERIFY(notes.isEmpty());
        QVERIFY(bookmarks.isEmpty());
    }
}

void TestNotesBookmarks::refusesABadNoteInAFile()
{
    QJsonObject root = QJsonDocument::fromJson(AnswerJson::write(kCourse, {}, {}, {note(QStringLiteral("x"), kBase)})).object();
    QJsonArray list = root.value(QStringLiteral("notes")).toArray();
    QJsonObject bad = list.first().toObject();
    bad.insert(QStringLiteral("updated"), QStringLiteral("yesterday"));
    list.replace(0, bad);
    root.insert(QStringLiteral("notes"), list);
    QString courseId, error;
    QVector<Answer> answers;
    QVector<Note> notes;
    QVERIFY(!AnswerJson::read(QJsonDocument(root).toJson(), &courseId, &answers, &error, nullptr, &notes));
    QVERIFY2(error.contains(QStringLiteral("notes[0].updated")), qPrintable(error));
    QVERIFY(notes.isEmpty());
}

void TestNotesBookmarks::importMergesNotesNewestWinsAndBookmarksUnion()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    QVERIFY(store->saveNote(note(QStringLiteral("local, older"), kBase)));
    QVERIFY(store->saveNote(note(QStringLiteral("local, newer"), kBase.addDays(2), QStringLiteral("m2/plan"))));
    QVERIFY(store->addBookmark(Bookmark{kCourse, kPage, QString(), QStringLiteral("Intro"), kBase}));
    QSignalSpy bookmarksChanged(store.get(), &AnswerStore::bookmarksChanged);

    const QVector<Note> incoming{note(QStringLiteral("imported, newer"), kBase.addDays(1)),
                                 note(QStringLiteral("imported, older"), kBase.addDays(1), QStringLiteral("m2/plan")),
                                 note(QStringLiteral("only imported"), kBase, QStringLiteral("m3/end"))};
    const QVector<Bookmark> marks{Bookmark{QStringLiteral("ignored"), kPage, QString(), QStringLiteral("Intro"), kBase},
                                  Bookmark{QString(), QStringLiteral("m3/end"), QStringLiteral("h"), QStringLiteral("H"), kBase}};
    const AnswerStore::ImportReport report = store->importAnswers(kCourse, {}, {}, incoming, marks);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.notesMerged, 2);
    QCOMPARE(report.bookmarksAdded, 1);
    QCOMPARE(bookmarksChanged.count(), 1);
    QCOMPARE(store->note(kCourse, kPage)->text, QStringLiteral("imported, newer"));
    QCOMPARE(noteTexts(store->noteHistory(kCourse, kPage)), (QStringList{QStringLiteral("imported, newer"), QStringLiteral("local, older")}));
    QCOMPARE(store->note(kCourse, QStringLiteral("m2/plan"))->text, QStringLiteral("local, newer"));
    QCOMPARE(store->note(kCourse, QStringLiteral("m3/end"))->text, QStringLiteral("only imported"));
    QCOMPARE(store->bookmarks(kCourse).size(), 2);
}

void TestNotesBookmarks::importWithABadBookmarkChangesNothing()
{
    QTemporaryDir dir;
    const auto store = openStore(dir.path());
    const AnswerStore::ImportReport report = store->importAnswers(
        kCourse, {textAnswer(QStringLiteral("m1/intro#reflect"), QStringLiteral("answer"), 0)}, {}, {note(QStringLiteral("n"), kBase)},
        {Bookmark{kCourse, QString(), QString(), QStringLiteral("no page"), kBase}});
    QVERIFY(!report.error.isEmpty());
    QVERIFY(store->answers(kCourse).isEmpty());
    QVERIFY(store->notes(kCourse).isEmpty());
    QVERIFY(store->bookmarks(kCourse).isEmpty());
}

QTEST_GUILESS_MAIN(TestNotesBookmarks)
#include "tst_notes_bookmarks.moc"
