#include "CommandLineTool.h"
#include "CourseSchemeHandler.h"
#include "CourseLoader.h"
#include "FindController.h"
#include "MainWindow.h"
#include "NotesController.h"
#include "WorkbookFileController.h"
#include "PageRenderer.h"
#include "PageView.h"
#include "PresentationLauncher.h"
#include "ProcessClock.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>
#include <QWebEngineView>

#include <unistd.h>

namespace {
// --first-paint: print the milliseconds from process start until the first page has
// loaded and the event loop has had a turn to paint it, then quit.
void quitAfterFirstPaint(QWebEngineView *view)
{
    QObject::connect(view, &QWebEngineView::loadFinished, view, [](bool) {
        QTimer::singleShot(0, qApp, [] {
            QTextStream(stdout) << QString::number(ProcessClock::millisecondsSinceStart(), 'f', 1) << "\n";
            QCoreApplication::quit();
        });
    }, Qt::SingleShotConnection);
}

// Chromium aborts as root unless its sandbox is off; say so instead of crashing.
bool webEngineCanStart()
{
    if (geteuid() != 0 || qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        return true;
    QTextStream(stderr) << "coursebook: Qt WebEngine does not run as root with its sandbox on; run Coursebook as a "
                           "normal user, or set QTWEBENGINE_DISABLE_SANDBOX=1\n";
    return false;
}

// Qt WebEngine 6.4 shows a screen reader on Linux an empty document unless
// QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY is set (QTBUG-59922); it costs nothing until an
// assistive technology turns Qt's accessibility on. On Windows and macOS the page is always
// exposed, so nothing is needed there. A user's own value is left as it is.
void exposePagesToScreenReaders()
{
#ifdef Q_OS_LINUX
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY"))
        qputenv("QTWEBENGINE_ENABLE_LINUX_ACCESSIBILITY", "1");
#endif
}
}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("coursebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COURSEBOOK_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook"));

    CommandLineTool tool;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    tool.parser().parse(arguments);

    if (tool.isHeadless() && tool.needsGuiApplication()) {
        if (tool.needsWebEngine() && !webEngineCanStart())
            return 1;
        // Exports need a GUI application but no screen: offscreen unless one is there.
        if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
            && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        CourseSchemeHandler::registerScheme();
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
        // A command prints only its result and its own errors, not Qt's notes about the
        // environment (no XDG_RUNTIME_DIR over ssh, the web engine's GL setup).
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                QTextStream(stderr) << message << '\n';
        });
        QApplication app(argc, argv);
        tool.parser().process(app);
        QTextStream out(stdout);
        QTextStream err(stderr);
        return tool.run(out, err);
    }

    // Headless commands never touch a display, so they work over ssh and in CI.
    if (tool.isHeadless() || tool.parser().isSet(QStringLiteral("help")) || tool.parser().isSet(QStringLiteral("version"))
        || !tool.parser().errorText().isEmpty() || tool.parser().positionalArguments().size() > 1) {
        QCoreApplication app(argc, argv);
        tool.parser().process(app);  // handles --help, --version and unknown options
        if (tool.parser().positionalArguments().size() > 1) {
            QTextStream(stderr) << "coursebook: one course at a time (got " << tool.parser().positionalArguments().size()
                                << " paths; see --help)\n";
            return 2;
        }
        QTextStream out(stdout);
        QTextStream err(stderr);
        return tool.run(out, err);
    }

    if (!webEngineCanStart())
        return 1;
    exposePagesToScreenReaders();  // before Qt WebEngine starts and reads it
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/resources/coursebook.svg")));
    const bool firstPaint = tool.parser().isSet(QStringLiteral("first-paint"));

    if (tool.parser().isSet(QStringLiteral("bare-view"))) {
        // The baseline for coursebook-bench: a plain view showing the same page's HTML
        // (timed with --first-paint; left open, its memory is read).
        const Course course = CourseLoader::load(tool.coursePath());
        QWebEngineView view;
        if (firstPaint)
            quitAfterFirstPaint(&view);
        const CoursePage *page = course.findPage(tool.parser().value(QStringLiteral("page")));
        if (!page && course.pageCount() > 0)
            page = course.pages().first();
        view.setHtml(page ? PageRenderer(course).render(*page).documentHtml : QString());
        view.resize(1280, 860);
        view.show();
        return app.exec();
    }

    QString explicitCourse = tool.explicitCoursePath();
    if (!explicitCourse.isEmpty() && !QFileInfo::exists(explicitCourse)) {
        QTextStream(stderr) << "coursebook: " << explicitCourse << ": no such file or folder\n";
        return 2;
    }
    // A workbook file (double-clicked in the file manager) opens beside its course, not as one.
    QString workbookToOpen;
    if (explicitCourse.endsWith(QStringLiteral(".coursebook"), Qt::CaseInsensitive))
        workbookToOpen = std::exchange(explicitCourse, QString());
    MainWindow window(explicitCourse, tool.parser().value(QStringLiteral("page")), tool.parser().value(QStringLiteral("data-dir")));
    if (firstPaint)
        quitAfterFirstPaint(window.pageView());
    if (tool.parser().isSet(QStringLiteral("activity")))
        window.showActivity(tool.parser().value(QStringLiteral("activity")));
    PresentationLauncher presentation(&window);
    FindController find(&window);
    NotesController notes(&window);
    WorkbookFileController workbookFile(&window);
    const QString present = tool.parser().value(QStringLiteral("present"));
    QString presentError;
    if (tool.parser().isSet(QStringLiteral("present")) && !presentation.canPresent(present, &presentError)) {
        QTextStream(stderr) << "coursebook: " << presentError << "\n";
        // Out through the event loop: the web engine, already loading the first page, winds down in it.
        QTimer::singleShot(0, &app, [] { QCoreApplication::exit(2); });
        return app.exec();
    }
    window.show();
    if (!workbookToOpen.isEmpty())
        workbookFile.openWorkbook(workbookToOpen);
    if (!present.isEmpty())
        presentation.present(present);  // over the window, which shows the page again at the end
    return app.exec();
}
