#include "PageSwitchFigures.h"

#include "BenchRuns.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "FindController.h"
#include "FramePaintWatch.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "NotesController.h"
#include "OfflineWebProfile.h"
#include "PageRenderer.h"
#include "PageView.h"

#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>

#include <functional>

using BenchRuns::now;

namespace {
constexpr int kSwitches = 40;
constexpr int kLoadTimeoutMs = 10000;
constexpr int kSettleMs = 3000;

// When a view last finished loading a page.
class LoadClock
{
public:
    LoadClock(QWebEngineView *view, const QElapsedTimer &clock)
    {
        QObject::connect(view, &QWebEngineView::loadFinished, &m_context, [this, &clock](bool) { m_loadedAt = now(clock); });
    }
    double loadedAt() const { return m_loadedAt; }

private:
    QObject m_context;  // the connection ends with this clock
    double m_loadedAt = -1;
};

// Times `turn` to the first frame painted after the page it asked for has loaded; -1 if none.
double timeTurn(const std::function<void()> &turn, const LoadClock &loads, FramePaintWatch &frames, const QElapsedTimer &clock)
{
    const double pressed = now(clock);
    turn();
    if (!BenchRuns::waitFor([&] { return loads.loadedAt() > pressed; }, kLoadTimeoutMs))
        return -1;
    const double painted = frames.waitForFrameAfter(loads.loadedAt());
    return painted < 0 ? -1 : painted - pressed;
}

void keep(QVector<double> *runs, double ms)
{
    if (ms >= 0)
        runs->append(ms);
}

// The yardstick: a plain view in a profile serving the same course, given each page's HTML.
QVector<double> bareViewSwitches(const MainWindow &window, const QStringList &pageIds, const QElapsedTimer &clock)
{
    auto course = std::make_shared<const Course>(window.course());
    OfflineWebProfile profile;
    profile.schemeHandler()->setCourse(course);
    QWebEngineView view;
    view.setPage(new QWebEnginePage(&profile, &view));
    view.resize(window.pageView()->size());
    view.show();
    const LoadClock loads(&view, clock);
    FramePaintWatch frames(&view, clock);
    const PageRenderer renderer(*course);
    const auto show = [&](const QString &id) {
        const QString html = renderer.render(*course->findPage(id)).documentHtml;  // made before the clock starts
        return [&view, html, id] { view.setHtml(html, CourseUrl::page(id)); };
    };
    timeTurn(show(pageIds.last()), loads, frames, clock);  // its renderer process started, as the window's is
    QVector<double> runs;
    for (const QString &id : pageIds)
        keep(&runs, timeTurn(show(id), loads, frames, clock));
    return runs;
}

double ratio(const QJsonObject &figures, const QJsonObject &peer)
{
    const double base = peer.value(QStringLiteral("median_ms")).toDouble();
    return base > 0 ? figures.value(QStringLiteral("median_ms")).toDouble() / base : 0.0;
}
}  // namespace

QJsonObject PageSwitchFigures::measure(const QString &coursePath)
{
    QTemporaryDir data;
    QElapsedTimer clock;
    clock.start();
    MainWindow window(coursePath, QString(), data.path());
    FindController find(&window);
    NotesController notes(&window);
    const QVector<const CoursePage *> pages = window.course().pages();
    if (pages.size() < 3)
        return {{QStringLiteral("error"), QStringLiteral("the course has too few pages")}};
    window.show();
    window.activateWindow();  // Alt+Right is a window shortcut: it needs the active window
    if (!QTest::qWaitForWindowActive(&window))
        return {{QStringLiteral("error"), QStringLiteral("the reading window did not become active")}};
    const LoadClock loads(window.pageView(), clock);
    FramePaintWatch frames(window.pageView(), clock);
    QTest::qWait(kSettleMs);  // the first page and the work after it done: turns are timed from a settled window

    QStringList shown;
    QVector<double> altRight;
    window.showPage(pages.first()->id);
    BenchRuns::waitFor([&] { return window.currentPageId() == pages.first()->id; }, kLoadTimeoutMs);
    for (qsizetype i = 1; i < pages.size() && i <= kSwitches; ++i) {
        keep(&altRight, timeTurn([&] { QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier); }, loads, frames, clock));
        shown << pages.at(i)->id;
    }

    // Back up the contents from the last page, each click a page not being read.
    QVector<double> clicks;
    NavigationTree *tree = window.navigationTree();
    for (qsizetype i = pages.size() - 1; i >= 0 && clicks.size() < kSwitches; --i) {
        QTreeWidgetItem *item = tree->itemForPage(pages.at(i)->id);
        if (!item || pages.at(i)->id == window.currentPageId())
            continue;
        tree->scrollToItem(item);
        QTest::qWait(50);  // the scrolled contents painted before the clock starts
        const QPoint at = tree->visualItemRect(item).center();
        keep(&clicks, timeTurn([&] { QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at); }, loads, frames, clock));
        shown << pages.at(i)->id;
    }

    const QJsonObject bare = BenchRuns::spread(bareViewSwitches(window, shown, clock));
    const QJsonObject alt = BenchRuns::spread(altRight);
    const QJsonObject click = BenchRuns::spread(clicks);
    return {{QStringLiteral("alt_right_to_next_page"), alt},
            {QStringLiteral("tree_click_to_page"), click},
            {QStringLiteral("bare_view_set_html"), bare},
            {QStringLiteral("alt_right_vs_bare_view_ratio"), ratio(alt, bare)},
            {QStringLiteral("tree_click_vs_bare_view_ratio"), ratio(click, bare)}};
}
