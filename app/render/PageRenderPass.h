#pragma once

#include "PageRenderer.h"

#include <functional>

// Renders many pages at once, one page per core, and hands each to `visit` on the calling
// thread in the order given: whole-course work (--list, --render-all, the check, progress, the
// workbook's pages, exports, the search index) waits for its share of the cores, not for
// every page in turn. A window of pages is rendered ahead, so a 10,000-page course never
// holds all of its HTML at once. A pass run off the main thread is background work (the
// course check, the search index): it keeps to its own thread, leaving the other cores to
// the reader.
class PageRenderPass
{
public:
    enum class Part {
        Body,      // activities, diagnostics and body: what render() gives but the document
        Document,  // all of render()
    };
    using Visit = std::function<void(const CoursePage &page, const RenderedPage &rendered)>;

    static void run(const PageRenderer &renderer, const QVector<const CoursePage *> &pages, Part part, const Visit &visit);
};
