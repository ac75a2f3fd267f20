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
#include "PresentFigures.h"
#include "RenderFigures.h"
#include "SearchFigures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

#include <unistd.h>

namespace {
// Load and render a course, against the `cmark` command on the same Markdown bytes.
QJsonObject courseFigures(const QString &path)
{
    return RenderFigures::measure(path);
}

// Runs `coursebook --first-paint` several times and keeps the median.
QJsonValue firstPaint(const QString &coursePath, const QString &extraArgument)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))  // the spawned app needs one to paint
        return QJsonValue(QStringLiteral("skipped: no display"));
    QVector<double> runs;
    // A settings folder of its own, so timing the app never changes the user's last course.
    QTemporaryDir config;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    for (int i = 0; i < 3; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        QStringList args{QStringLiteral("--course"), coursePath, QStringLiteral("--first-paint")};
        if (!extraArgument.isEmpty())
            args << extraArgument;
        process.start(QStringLiteral(COURSEBOOK_APP_PATH), args);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return QJsonValue(QStringLiteral("failed: ") + QString::fromUtf8(process.readAllStandardError()).trimmed());
        bool ok = false;
        const double value = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toDouble(&ok);
        if (ok)
            runs.append(value);
    }
    if (runs.isEmpty())
        return QJsonValue(QStringLiteral("no figure printed"));
    std::sort(runs.begin(), runs.end());
    return runs.at(runs.size() / 2);
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
        QJsonObject bundledFigures = courseFigures(bundled);
        bundledFigures.insert(QStringLiteral("first_paint_ms"), firstPaint(bundled, QString()));
        bundledFigures.insert(QStringLiteral("bare_view_first_paint_ms"), firstPaint(bundled, QStringLiteral("--bare-view")));
        report.insert(QStringLiteral("bundled_course"), bundledFigures);

        QTemporaryDir generated;
        QString error;
        if (GeneratedCourse::write(generated.path(), 50, 20, &error)) {
            QJsonObject figures = courseFigures(generated.path());
            figures.insert(QStringLiteral("first_paint_ms"), firstPaint(generated.path(), QString()));
            report.insert(QStringLiteral("generated_1000_pages"), figures);
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
