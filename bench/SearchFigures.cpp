#include "SearchFigures.h"

#include "CourseLoader.h"
#include "SearchIndex.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

namespace {
constexpr int kQueries = 100;

double ms(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// kQueries different words of the course's own text (so every query finds something),
// spread over the whole course, in a fixed order.
QStringList queryWords(const Course &course)
{
    QStringList words;
    QSet<QString> seen;
    static const QRegularExpression word(QStringLiteral("\\b[a-z]{5,12}\\b"));
    for (const CoursePage *page : course.pages()) {
        auto matches = word.globalMatch(page->markdown.toLower());
        for (int taken = 0; matches.hasNext() && taken < 3;) {
            const QString found = matches.next().captured();
            if (!seen.contains(found)) {
                seen.insert(found);
                words << found;
                ++taken;
            }
        }
    }
    QStringList spread;
    for (int i = 0; i < kQueries && !words.isEmpty(); ++i)
        spread << words.at(qsizetype(i) * words.size() / kQueries);
    return spread;
}

QJsonObject medianAndWorst(QVector<double> times)
{
    std::sort(times.begin(), times.end());
    return {{QStringLiteral("median_ms"), times.isEmpty() ? 0.0 : times.at(times.size() / 2)},
            {QStringLiteral("worst_ms"), times.isEmpty() ? 0.0 : times.last()}};
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}
}  // namespace

QJsonObject SearchFigures::measure(const QString &coursePath)
{
    const Course course = CourseLoader::load(coursePath);
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("answers.sqlite"));
    SearchIndex index(database);
    QString error;
    if (!index.open(&error))
        return {{QStringLiteral("failed"), error}};
    const qint64 emptyBytes = fileBytes(database);
    QElapsedTimer timer;
    timer.start();
    if (!index.updateCourse(course, &error))
        return {{QStringLiteral("failed"), error}};
    const double buildMs = ms(timer);

    QVector<double> queries;
    QVector<double> greps;
    int hits = 0;
    for (const QString &word : queryWords(course)) {
        timer.restart();
        hits += int(index.search(course, word, 50, &error).size());
        queries << ms(timer);
        timer.restart();
        QProcess grep;
        grep.start(QStringLiteral("grep"), {QStringLiteral("-ril"), word, course.rootPath});
        grep.waitForFinished(-1);
        greps << ms(timer);
    }
    const QJsonObject query = medianAndWorst(queries);
    const QJsonObject peer = medianAndWorst(greps);
    const double peerMedian = peer.value(QStringLiteral("median_ms")).toDouble();
    return {{QStringLiteral("pages"), course.pageCount()},
            {QStringLiteral("index_build_ms"), buildMs},
            {QStringLiteral("index_bytes"), fileBytes(database) - emptyBytes},
            {QStringLiteral("queries"), queries.size()},
            {QStringLiteral("hits_found"), hits},
            {QStringLiteral("query"), query},
            {QStringLiteral("grep_ril"), peer},
            {QStringLiteral("query_vs_grep_median_ratio"),
             peerMedian > 0 ? query.value(QStringLiteral("median_ms")).toDouble() / peerMedian : 0.0}};
}
