#include "PageRenderPass.h"

#include "MarkdownConverter.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <libxml/parser.h>

#include <algorithm>
#include <atomic>

namespace {
// Pages rendered ahead of the one being visited, per core: enough that no core waits at the
// end of a window, few enough that memory stays that of a handful of pages.
constexpr int kWindowPerCore = 8;
}  // namespace

void PageRenderPass::run(const PageRenderer &renderer, const QVector<const CoursePage *> &pages, Part part, const Visit &visit)
{
    // What the libraries set up once per process, set up before any second thread uses them.
    static const bool ready = [] {
        xmlInitParser();
        MarkdownConverter::toHtml(QString());
        return true;
    }();
    Q_UNUSED(ready);

    const bool foreground = QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread();
    const int cores = foreground ? std::max(1, QThread::idealThreadCount()) : 1;
    QThreadPool helpers;  // its own, so a pass never waits behind other work (or itself)
    helpers.setMaxThreadCount(cores - 1);
    const qsizetype window = qsizetype(cores) * kWindowPerCore;
    QVector<RenderedPage> rendered;
    for (qsizetype first = 0; first < pages.size(); first += window) {
        const qsizetype count = std::min(window, pages.size() - first);
        rendered.fill(RenderedPage(), count);
        std::atomic<qsizetype> next{0};
        const auto work = [&] {
            for (qsizetype i = next++; i < count; i = next++) {
                const CoursePage &page = *pages.at(first + i);
                rendered[i] = part == Part::Document ? renderer.render(page) : renderer.renderBody(page);
            }
        };
        for (int helper = 1; helper < cores && helper < count; ++helper)
            helpers.start(work);
        work();
        helpers.waitForDone();
        for (qsizetype i = 0; i < count; ++i)
            visit(*pages.at(first + i), rendered.at(i));
    }
}
