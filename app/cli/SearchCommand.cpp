#include "SearchCommand.h"

#include "AnswerStore.h"
#include "Course.h"
#include "SearchIndex.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

constexpr int kResultLimit = 50;

QString tr(const char *text)
{
    return QCoreApplication::translate("SearchCommand", text);
}

// The database to index in: the learner's own, or a copy of it in `temporary` when their
// folder cannot be written (the copy has their answers and notes; it goes when the command ends).
QString databasePath(const QString &dataDir, const QTemporaryDir &temporary, QTextStream &err)
{
    AnswerStore store;
    const AnswerStore::OpenReport report = store.open(dataDir);
    if (report.status == AnswerStore::OpenReport::Status::Ok || report.status == AnswerStore::OpenReport::Status::MovedAside) {
        if (!report.message.isEmpty())
            err << "coursebook: " << tr("note: ") << report.message << "\n";
        return store.databasePath();
    }
    err << "coursebook: " << tr("note: %1 cannot be written, so the search index is a temporary one").arg(QDir::toNativeSeparators(dataDir))
        << "\n";
    const QString copy = temporary.filePath(QStringLiteral("answers.sqlite"));
    const QString original = QDir(dataDir).filePath(QStringLiteral("answers.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFile::exists(original + suffix))
            QFile::copy(original + suffix, copy + suffix);
    }
    return copy;
}

// The matched words as «word»: readable in a terminal and in JSON.
QString readableSnippet(QString snippet)
{
    return snippet.replace(SearchHit::kMatchStart, QChar(0x00AB)).replace(SearchHit::kMatchEnd, QChar(0x00BB));
}

QJsonObject toJson(const SearchHit &hit)
{
    QJsonObject object{{QStringLiteral("page"), hit.pageId},
                       {QStringLiteral("title"), hit.title},
                       {QStringLiteral("kind"), SearchHit::kindName(hit.kind)},
                       {QStringLiteral("snippet"), readableSnippet(hit.snippet)},
                       {QStringLiteral("module"), hit.moduleId},
                       {QStringLiteral("moduleTitle"), hit.moduleTitle}};
    if (!hit.activityId.isEmpty())
        object.insert(QStringLiteral("activity"), hit.activityId);
    if (!hit.anchor.isEmpty())
        object.insert(QStringLiteral("anchor"), hit.anchor);
    return object;
}

}  // namespace

namespace SearchCommand {

int run(const Course &course, const QString &dataDir, const QString &userText, QTextStream &out, QTextStream &err)
{
    const QTemporaryDir temporary;
    SearchIndex index(databasePath(dataDir, temporary, err));
    QString error;
    if (!index.open(&error) || !index.updateCourse(course, &error)) {
        err << "coursebook: " << tr("the search index cannot be used: %1").arg(error) << "\n";
        return 1;
    }
    const QVector<SearchHit> hits = index.search(course, userText, kResultLimit, &error);
    if (!error.isEmpty()) {
        err << "coursebook: " << tr("the search failed: %1").arg(error) << "\n";
        return 1;
    }
    QJsonArray array;
    for (const SearchHit &hit : hits)
        array.append(toJson(hit));
    out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return 0;
}

}  // namespace SearchCommand
