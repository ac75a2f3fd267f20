// coursebook-bench: prints speed figures as JSON. Not run by the tests: figures vary
// with the machine, so goals are read by people, never asserted.
#include "AnswerFigures.h"
#include "BundledCourse.h"
#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "ExportFigures.h"
#include "KeystrokeFigures.h"
#include "GeneratedCourse.h"
#include "PageRenderer.h"
#include "PageSwitchFigures.h"
#include "PresentFigures.h"
#include "RenderFigures.h"
#include "SearchFigures.h"
#include "StartupFigures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>


#include <unistd.h>

namespace {
// Load and render a course, against the `cmark` command on the same Markdown bytes.
QJsonObject courseFigures(const QString &path)
{
    return RenderFigures::measure(path);
}

}  // namespace

int main(int argc, char *argv[])
{
    // The answer figures show widgets: without a display they still run, on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The PDF export prints with Qt WebEngine, which needs these before the application
    // exists (as in the app's main): the course: scheme, and contexts shared with it.
    CourseSchemeHandler::registerScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // Chromium refuses to run its sandbox as root (containers, CI).
    if (geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QJsonObject report;

    // Sections named on the command line run alone ("coursebook-bench present"); none: all.
    const QStringList sections = app.arguments().mid(1);
    auto wanted = [&sections](const char *name) { return sections.isEmpty() || sections.contains(QLatin1String(name)); };

    const QString bundled = BundledCourse::path();
    if (wanted("course")) {
        const auto withFirstPaint = [](QJsonObject figures, const QString &path) {
            const QJsonObject paint = StartupFigures::firstPaint(path);
            for (auto it = paint.begin(); it != paint.end(); ++it)
                figures.insert(it.key(), it.value());
            return figures;
        };
        const QJsonObject bundledFigures = withFirstPaint(courseFigures(bundled), bundled);
        report.insert(QStringLiteral("bundled_course"), bundledFigures);

        QTemporaryDir generated;
        QString error;
        if (GeneratedCourse::write(generated.path(), 50, 20, &error)) {
            report.insert(QStringLiteral("generated_1000_pages"), withFirstPaint(courseFigures(generated.path()), generated.path()));
        } else {
            report.insert(QStringLiteral("generated_1000_pages"), QStringLiteral("could not write: ") + error);
        }
        // 100 modules of 100 pages: rendering, and --list, which must stay under a second.
        report.insert(QStringLiteral("generated_10000_pages_rendering"), RenderFigures::measureGenerated(100, 100));
    }
    if (wanted("search")) {
        QJsonObject figures{{QStringLiteral("bundled_course"), SearchFigures::measure(bundled)}};
        QTemporaryDir generated;
        QString error;
        figures.insert(QStringLiteral("generated_1000_pages"), GeneratedCourse::write(generated.path(), 50, 20, &error)
                                                                   ? QJsonValue(SearchFigures::measure(generated.path()))
                                                                   : QJsonValue(QStringLiteral("could not write: ") + error));
        if (!qEnvironmentVariableIsEmpty("DISPLAY"))  // the search field, typed into on screen
            figures.insert(QStringLiteral("bundled_course_search_field"), KeystrokeFigures::measure(bundled));
        report.insert(QStringLiteral("search"), figures);
    }
    if (wanted("switch") && !qEnvironmentVariableIsEmpty("DISPLAY"))
        report.insert(QStringLiteral("bundled_course_page_switch"), PageSwitchFigures::measure(bundled));
    if (wanted("reading")) {
        // Goals of issue 16: the 10,000-page course's first page and the memory of all processes.
        QJsonObject figures{{QStringLiteral("bundled_course_memory"), StartupFigures::memory(bundled)}};
        QTemporaryDir generated;
        QString error;
        figures.insert(QStringLiteral("generated_10000_pages_first_paint"),
                       GeneratedCourse::write(generated.path(), 100, 100, &error)
                           ? QJsonValue(StartupFigures::firstPaint(generated.path()))
                           : QJsonValue(QStringLiteral("could not write: ") + error));
        report.insert(QStringLiteral("reading"), figures);
    }
    if (wanted("answers"))
        report.insert(QStringLiteral("answers"), AnswerFigures::measure());
    if (wanted("export"))
        report.insert(QStringLiteral("export"), ExportFigures::measure());
    if (wanted("present")) {
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            report.insert(QStringLiteral("present"), QStringLiteral("skipped: no display"));
        else
            report.insert(QStringLiteral("present"), PresentFigures::measure());
    }

    out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    return 0;
}
