#include "PageRenderPass.h"

#include "MarkdownConverter.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <libxml/parser.h>

#include <algorithm>
#include <optional>

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
    const auto render = [&renderer, part](const CoursePage &page) {
        return part == Part::Document ? renderer.render(page) : renderer.renderBody(page);
    };
    if (cores == 1) {
        for (const CoursePage *page : pages)
            visit(*page, render(*page));
        return;
    }

    // Pages are claimed in order and kept in a ring until visited: page i goes in slot
    // i % window, free once page i - window has been visited. No core waits for the others at
    // the end of a window; the calling thread renders too while its next page is not ready.
    const qsizetype window = qsizetype(cores) * kWindowPerCore;
    QVector<std::optional<RenderedPage>> ring(window);
    QMutex lock;
    QWaitCondition changed;
    qsizetype claimed = 0, visited = 0;
    const auto renderClaimed = [&](QMutexLocker<QMutex> &held) {
        const qsizetype i = claimed++;
        held.unlock();
        RenderedPage page = render(*pages.at(i));
        held.relock();
        ring[i % window] = std::move(page);
        changed.wakeAll();
    };
    const auto claimable = [&] { return claimed < pages.size() && claimed < visited + window; };
    QThreadPool helpers;  // its own, so a pass never waits behind other work (or itself)
    helpers.setMaxThreadCount(cores - 1);
    for (int helper = 1; helper < cores && helper < pages.size(); ++helper) {
        helpers.start([&] {
            QMutexLocker held(&lock);
            while (claimed < pages.size()) {
                if (claimable())
                    renderClaimed(held);
                else
                    changed.wait(&lock);
            }
        });
    }
    for (qsizetype next = 0; next < pages.size(); ++next) {
        QMutexLocker held(&lock);
        std::optional<RenderedPage> &slot = ring[next % window];
        while (!slot) {
            if (claimable())
                renderClaimed(held);
            else
                changed.wait(&lock);
        }
        const RenderedPage page = std::move(*slot);
        slot.reset();
        visited = next + 1;
        changed.wakeAll();
        held.unlock();
        visit(*pages.at(next), page);
    }
    helpers.waitForDone();
}
