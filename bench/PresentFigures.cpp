#include "PresentFigures.h"

#include "AudienceWindow.h"
#include "BenchRuns.h"
#include "BundledCourse.h"
#include "Course.h"
#include "CourseLoader.h"
#include "FramePaintWatch.h"
#include "MainWindow.h"
#include "PresentationController.h"
#include "PresentationLauncher.h"
#include "PresentationSession.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineScript>
#include <QWebEngineView>

#include <functional>

using BenchRuns::now;
using BenchRuns::spread;
using BenchRuns::waitFor;

namespace {
constexpr int kPresses = 200;
constexpr int kStarts = 5;

// The module with the most pages: the longest deck.
QString longestModule(const Course &course)
{
    QString best;
    qsizetype most = -1;
    for (const CourseModule &module : course.modules) {
        if (module.pages.size() > most) {
            most = module.pages.size();
            best = module.pages.isEmpty() ? QString() : module.pages.first().id;
        }
    }
    return best;
}

// A key press on the wall to the next slide painted: the press, the slide shown by script
// (a probe run after it returns), then the next frame.
QVector<double> slideChanges(PresentationSession *session, const QElapsedTimer &clock)
{
    QVector<double> runs;
    AudienceWindow *audience = session->audience();
    FramePaintWatch frames(audience->view(), clock);
    for (int i = 0; i < kPresses; ++i) {
        if (session->controller()->current() == session->controller()->count() - 1) {
            QTest::keyClick(audience->view()->focusProxy(), Qt::Key_Home);
            frames.waitForFrameAfter(now(clock));
        }
        const double pressed = now(clock);
        QTest::keyClick(audience->view()->focusProxy(), Qt::Key_Right);
        double shown = -1;
        audience->view()->page()->runJavaScript(QStringLiteral("coursebookSlides.current()"), QWebEngineScript::ApplicationWorld,
                                                [&](const QVariant &) { shown = now(clock); });
        if (!waitFor([&] { return shown >= 0; }, 5000))
            continue;
        const double painted = frames.waitForFrameAfter(shown);
        if (painted >= 0)
            runs.append(painted - pressed);
    }
    return runs;
}

// The yardstick: a plain web view of the same size loading each slide's content as a page.
QVector<double> bareViewChanges(const PresentationSession *session, QSize size, const QElapsedTimer &clock)
{
    QWebEngineView view;
    view.resize(size);
    view.show();
    FramePaintWatch frames(&view, clock);
    QVector<double> runs;
    const QVector<Slide> &slides = session->controller()->deck().slides();
    bool loaded = false;
    QObject::connect(&view, &QWebEngineView::loadFinished, &view, [&](bool) { loaded = true; });
    for (int i = 0; i < kPresses && !slides.isEmpty(); ++i) {
        const Slide &slide = slides.at(i % slides.size());
        loaded = false;
        const double pressed = now(clock);
        view.setHtml(QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><h1>%1</h1>%2</body></html>")
                         .arg(slide.heading.toHtmlEscaped(), slide.bodyHtml));
        if (!waitFor([&] { return loaded; }, 10000))
            continue;
        const double painted = frames.waitForFrameAfter(now(clock));
        if (painted >= 0)
            runs.append(painted - pressed);
    }
    return runs;
}
}  // namespace

QJsonObject PresentFigures::measure()
{
    const QString coursePath = BundledCourse::path();
    const QString page = longestModule(CourseLoader::load(coursePath));
    QTemporaryDir data;
    QElapsedTimer clock;
    clock.start();
    MainWindow window(coursePath, page, data.path());
    PresentationLauncher launcher(&window);
    window.show();
    window.activateWindow();  // F5 is a window shortcut: it needs the active window
    if (!QTest::qWaitForWindowActive(&window))
        return {{QStringLiteral("error"), QStringLiteral("the reading window did not become active")}};
    QTest::qWait(2000);  // the reading page has loaded: F5 is timed from a settled window

    QVector<double> starts;
    QJsonObject figures;
    for (int i = 0; i < kStarts; ++i) {
        const double pressed = now(clock);
        QTest::keyClick(&window, Qt::Key_F5);
        if (!waitFor([&] { return launcher.session() && launcher.session()->audience()->isReady(); }, 30000))
            return {{QStringLiteral("error"), QStringLiteral("F5 showed no slides in 30 s")}};
        FramePaintWatch frames(launcher.session()->audience()->view(), clock);
        const double painted = frames.waitForFrameAfter(pressed, 10000);
        if (painted >= 0)
            starts.append(painted - pressed);
        if (i + 1 < kStarts) {
            QTest::keyClick(launcher.session()->audience()->view()->focusProxy(), Qt::Key_Escape);
            waitFor([&] { return !launcher.session(); }, 10000);
            QTest::qWait(300);
        }
    }
    figures.insert(QStringLiteral("f5_to_first_slide"), spread(starts));

    PresentationSession *session = launcher.session();
    figures.insert(QStringLiteral("slides"), session->controller()->count());
    figures.insert(QStringLiteral("key_to_next_slide"), spread(slideChanges(session, clock)));
    figures.insert(QStringLiteral("bare_view_load_per_slide"), spread(bareViewChanges(session, session->audience()->size(), clock)));
    return figures;
}
