#include "RenderFigures.h"

#include "CourseLoader.h"
#include "GeneratedCourse.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"
#include "RenderedPageCache.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QThread>
#include <QTemporaryDir>

namespace {
double ms(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

double ratio(double value, double peer) { return peer > 0 ? value / peer : 0.0; }

// The render cache of this process and of the apps it starts, empty at first: a figure
// "from an empty cache" is never helped by an earlier run.
class FreshCache
{
public:
    FreshCache()
        : m_saved(qgetenv("XDG_CACHE_HOME"))
        , m_wasSet(qEnvironmentVariableIsSet("XDG_CACHE_HOME"))
    {
        qputenv("XDG_CACHE_HOME", m_folder.path().toLocal8Bit());
    }
    ~FreshCache()
    {
        if (m_wasSet)
            qputenv("XDG_CACHE_HOME", m_saved);
        else
            qunsetenv("XDG_CACHE_HOME");
    }
    FreshCache(const FreshCache &) = delete;
    FreshCache &operator=(const FreshCache &) = delete;

private:
    QTemporaryDir m_folder;
    QByteArray m_saved;
    bool m_wasSet;
};

// Milliseconds a command takes, its output thrown away; negative when it fails.
double timeCommand(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());  // the fresh cache folder
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return -1;
    return ms(timer);
}

// `coursebook --list` from an empty cache and again, against `cat` reading every page file.
void listFigures(const QString &coursePath, QJsonObject &figures)
{
    const QString app = QStringLiteral(COURSEBOOK_APP_PATH);
    const QStringList list{QStringLiteral("--course"), coursePath, QStringLiteral("--list")};
    const double cold = timeCommand(app, list);
    const double cached = timeCommand(app, list);
    const double cat = timeCommand(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("find \"$0\" -name '*.md' -exec cat {} +"),
                                                          coursePath});
    figures.insert(QStringLiteral("list_ms"), cold);
    figures.insert(QStringLiteral("list_cached_ms"), cached);
    figures.insert(QStringLiteral("cat_page_files_ms"), cat);
    figures.insert(QStringLiteral("list_vs_cat_ratio"), ratio(cold, cat));
    figures.insert(QStringLiteral("list_cached_vs_cat_ratio"), ratio(cached, cat));
}
}  // namespace

QJsonObject RenderFigures::measure(const QString &coursePath)
{
    const FreshCache cache;
    QElapsedTimer timer;
    timer.start();
    const Course course = CourseLoader::load(coursePath);
    const double loadMs = ms(timer);

    QByteArray allMarkdown;
    for (const CoursePage *page : course.pages())
        allMarkdown += page->markdown.toUtf8() + "\n\n";
    // The whole pipeline, as the app renders a whole course (a page per core, in a
    // PageRenderPass): an empty cache first, then from the cache.
    double renderMs = 0, cachedMs = 0;
    for (double *figure : {&renderMs, &cachedMs}) {
        const PageRenderer renderer(course);
        timer.restart();
        PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Document, [](const CoursePage &, const RenderedPage &) {});
        *figure = ms(timer);
        // The app never waits for the cache's writes; the pass from the cache needs them done.
        RenderedPageCache::waitForWrites();
    }
    QJsonObject figures{{QStringLiteral("pages"), course.pageCount()},
                        {QStringLiteral("load_ms"), loadMs},
                        {QStringLiteral("render_all_ms"), renderMs},
                        {QStringLiteral("render_per_page_ms"), course.pageCount() ? renderMs / course.pageCount() : 0.0},
                        {QStringLiteral("render_all_cached_ms"), cachedMs},
                        {QStringLiteral("render_cores"), QThread::idealThreadCount()}};

    const QString cmark = QStandardPaths::findExecutable(QStringLiteral("cmark"));
    if (!cmark.isEmpty()) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        timer.restart();
        process.start(cmark, {QStringLiteral("--unsafe")});
        process.write(allMarkdown);
        process.closeWriteChannel();
        process.waitForFinished(-1);
        const double cmarkMs = ms(timer);
        figures.insert(QStringLiteral("cmark_command_ms"), cmarkMs);
        figures.insert(QStringLiteral("render_vs_cmark_ratio"), ratio(renderMs, cmarkMs));
        figures.insert(QStringLiteral("render_cached_vs_cmark_ratio"), ratio(cachedMs, cmarkMs));
    }
    return figures;
}

QJsonObject RenderFigures::measureGenerated(int modules, int pagesPerModule)
{
    QTemporaryDir generated;
    QString error;
    if (!GeneratedCourse::write(generated.path(), modules, pagesPerModule, &error))
        return QJsonObject{{QStringLiteral("error"), QStringLiteral("could not write: ") + error}};
    QJsonObject figures = measure(generated.path());
    const FreshCache cache;
    listFigures(generated.path(), figures);
    return figures;
}
