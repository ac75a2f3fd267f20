#include "SearchIndex.h"

#include "AnswerSchema.h"
#include "Course.h"
#include "CourseFingerprint.h"
#include "ImmediateTransaction.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"
#include "SearchQuery.h"
#include "SearchablePage.h"
#include "SqlStatement.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The text kept of one page: a long chapter fits, a generated megabyte does not.
constexpr int kMaxPageCharacters = 200000;
constexpr int kSnippetTokens = 16;

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("coursebook-search-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Course text cannot forge the marks snippets put around matches. Never null: a null
// QString binds as SQL NULL, which the columns refuse.
QString withoutMarks(const QString &text)
{
    return QString(text).remove(SearchHit::kMatchStart).remove(SearchHit::kMatchEnd) + QLatin1String("");
}

bool execute(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

bool insertDocument(QSqlQuery &insert, const QString &courseId, const CoursePage &page, const QString &ref, const QString &title,
                    const QString &headings, const QString &body, QString *error)
{
    for (const QVariant &value : {QVariant(courseId), QVariant(page.id), QVariant(withoutMarks(ref)), QVariant(withoutMarks(title)),
                                  QVariant(withoutMarks(headings)), QVariant(withoutMarks(body))})
        insert.addBindValue(value);
    return execute(insert, error);
}

// What the index keeps of a page, made before the write lock is taken: rendering a course
// takes seconds, in which the learner's answers must still save.
struct IndexedPage {
    const CoursePage *page;
    QVector<SearchablePage::Section> sections;
    QStringList activityIds;  // those it asks (not those it revisits: their answer opens the page that asks)
};

IndexedPage indexedPage(const CoursePage &page, const RenderedPage &rendered)
{
    IndexedPage indexed{&page, SearchablePage::fromHtml(rendered.bodyHtml, kMaxPageCharacters).sections, {}};
    for (const ActivitySpec &spec : rendered.activities) {
        if (!spec.revisit)
            indexed.activityIds << spec.id;
    }
    return indexed;
}

// The page's rows of search_documents and the activities it holds. The page is one row (ref
// ""), so that its words are found together wherever they are in it; each of its sections is
// a row too (ref "#" + the heading's id), without the title, only to tell which heading a
// match is under.
bool insertPage(const QSqlDatabase &db, const QString &courseId, const IndexedPage &indexed, QString *error)
{
    const CoursePage &page = *indexed.page;
    QStringList headings;
    QStringList texts;
    for (const SearchablePage::Section &section : indexed.sections) {
        headings << section.headings;
        texts << section.text;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO search_documents (course_id, kind, page_id, ref, title, headings, body)"
                                  " VALUES (?, 'page', ?, ?, ?, ?, ?)"));
    if (!insertDocument(insert, courseId, page, QString(), page.title, headings.join(QLatin1Char(' ')), texts.join(QLatin1Char(' ')), error))
        return false;
    for (const SearchablePage::Section &section : indexed.sections) {
        if (!insertDocument(insert, courseId, page, QLatin1Char('#') + section.anchor, QString(), section.headings, section.text, error))
            return false;
    }
    QSqlQuery activity(db);
    activity.prepare(QStringLiteral("INSERT OR IGNORE INTO search_activities (course_id, activity_id, page_id) VALUES (?, ?, ?)"));
    for (const QString &activityId : indexed.activityIds) {
        activity.addBindValue(courseId);
        activity.addBindValue(activityId);
        activity.addBindValue(page.id);
        if (!execute(activity, error))
            return false;
    }
    return true;
}

// The id of the heading over the page's section that best matches any of the words, "" when
// that is the text before the first heading, or none does (a match in the title).
QString nearestHeading(const QSqlDatabase &db, const QString &courseId, const QString &pageId, const QString &anyTerm)
{
    // The sections' rows follow the page's (one transaction wrote them): a rowid range, which
    // FTS5 narrows its match to, instead of matching every section of the course.
    QSqlQuery range(db);
    range.prepare(QStringLiteral("SELECT min(id), max(id) FROM search_documents"
                                 " WHERE course_id = ? AND kind = 'page' AND page_id = ? AND ref <> ''"));
    range.addBindValue(courseId);
    range.addBindValue(pageId);
    if (!range.exec() || !range.next() || range.value(0).isNull())
        return QString();
    QSqlQuery section(db);
    section.prepare(QStringLiteral("SELECT d.ref FROM search_fts AS hit JOIN search_documents AS d ON d.id = hit.rowid"
                                   " WHERE search_fts MATCH ? AND hit.rowid BETWEEN ? AND ? AND d.page_id = ? AND d.ref <> ''"
                                   " ORDER BY hit.rank LIMIT 1"));
    for (const QVariant &value : {QVariant(anyTerm), range.value(0), range.value(1), QVariant(pageId)})
        section.addBindValue(value);
    if (!section.exec() || !section.next())
        return QString();
    return section.value(0).toString().mid(1);
}

}  // namespace

SearchIndex::SearchIndex(const QString &databasePath)
    : m_databasePath(databasePath)
    , m_connectionName(uniqueConnectionName())
{
}

SearchIndex::~SearchIndex()
{
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SearchIndex::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_databasePath);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // As AnswerConnection: wait for the app's writes rather than fail, and the same journal.
    error->clear();
    for (const QString &pragma : {QStringLiteral("PRAGMA busy_timeout = 5000"), QStringLiteral("PRAGMA journal_mode = WAL")}) {
        if (!SqlStatement::exec(db, pragma, error))
            return false;
    }
    return AnswerSchema::migrate(db, error);
}

bool SearchIndex::updateCourse(const Course &course, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString fingerprint = CourseFingerprint::of(course);
    QSqlQuery stored(db);
    stored.prepare(QStringLiteral("SELECT fingerprint FROM search_courses WHERE course_id = ?"));
    stored.addBindValue(course.id);
    if (!execute(stored, error))
        return false;
    if (stored.next() && stored.value(0).toString() == fingerprint)
        return true;
    stored.finish();

    const PageRenderer renderer(course);
    QVector<IndexedPage> pages;
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body,
                        [&pages](const CoursePage &page, const RenderedPage &rendered) { pages << indexedPage(page, rendered); });
    ImmediateTransaction transaction(db);
    if (!transaction.begun()) {
        *error = transaction.error();
        return false;
    }
    for (const QString &table : {QStringLiteral("search_documents"), QStringLiteral("search_activities")}) {
        QSqlQuery clear(db);
        clear.prepare(QStringLiteral("DELETE FROM %1 WHERE course_id = ?%2")
                          .arg(table, table == QLatin1String("search_documents") ? QStringLiteral(" AND kind = 'page'") : QString()));
        clear.addBindValue(course.id);
        if (!execute(clear, error))
            return false;
    }
    for (const IndexedPage &page : pages) {
        if (!insertPage(db, course.id, page, error))
            return false;
    }
    QSqlQuery remember(db);
    remember.prepare(QStringLiteral("INSERT OR REPLACE INTO search_courses (course_id, fingerprint) VALUES (?, ?)"));
    remember.addBindValue(course.id);
    remember.addBindValue(fingerprint);
    if (!execute(remember, error))
        return false;
    if (!transaction.commit()) {
        *error = transaction.error();
        return false;
    }
    ++m_rebuilds;
    return true;
}

QVector<SearchHit> SearchIndex::search(const Course &course, const QString &userText, int limit, QString *error) const
{
    error->clear();
    const QString match = SearchQuery::matchExpression(userText);
    if (match.isEmpty() || limit <= 0)
        return {};
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Pages, answers and notes (not the sections of pages); an answer only when the course holds its activity.
    QSqlQuery best(db);
    best.prepare(QStringLiteral(
        "SELECT hit.rowid, d.kind, CASE d.kind WHEN 'answer' THEN a.page_id ELSE d.page_id END, d.ref, hit.rank,"
        " snippet(search_fts, -1, ?, ?, '…', %1)"
        " FROM search_fts AS hit JOIN search_documents AS d ON d.id = hit.rowid"
        " LEFT JOIN search_activities AS a ON d.kind = 'answer' AND a.course_id = d.course_id AND a.activity_id = d.ref"
        " WHERE search_fts MATCH ? AND d.course_id = ? AND NOT (d.kind = 'page' AND d.ref <> '')"
        " AND (d.kind <> 'answer' OR a.page_id IS NOT NULL)"
        " ORDER BY hit.rank LIMIT ?").arg(kSnippetTokens));  // by rank alone: FTS5 sorts, snippets only for the rows kept
    best.addBindValue(QString(SearchHit::kMatchStart));
    best.addBindValue(QString(SearchHit::kMatchEnd));
    best.addBindValue(match);
    best.addBindValue(course.id);
    best.addBindValue(limit);
    if (!execute(best, error))
        return {};
    QVector<SearchHit> hits;
    while (best.next()) {
        const CoursePage *page = course.findPage(best.value(2).toString());
        if (!page)
            continue;  // a note on a page the course no longer has
        SearchHit hit;
        const QString kind = best.value(1).toString();
        hit.kind = kind == QLatin1String("answer") ? SearchHit::Kind::Answer
                   : kind == QLatin1String("note") ? SearchHit::Kind::Note
                                                   : SearchHit::Kind::Page;
        hit.pageId = page->id;
        if (hit.kind == SearchHit::Kind::Answer)
            hit.activityId = best.value(3).toString();
        else if (hit.kind == SearchHit::Kind::Page)
            hit.anchor = nearestHeading(db, course.id, page->id, SearchQuery::anyTermExpression(userText));
        hit.title = page->title;
        if (const CourseModule *module = page->isHome ? nullptr : course.findModule(page->moduleId)) {
            hit.moduleId = module->id;
            hit.moduleTitle = module->title;
        }
        hit.rank = best.value(4).toDouble();
        hit.snippet = best.value(5).toString();
        hits << hit;
    }
    return hits;
}

QStringList SearchIndex::matchTerms(const QString &userText)
{
    return SearchQuery::terms(userText);
}
