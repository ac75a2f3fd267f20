#include "AfterPagePaint.h"

#include "PageView.h"

#include <utility>

namespace {
// Longer than a page turn takes to draw on a slow laptop, short enough not to be seen.
constexpr int kFallbackMs = 250;
}  // namespace

AfterPagePaint::AfterPagePaint(PageView *view, QObject *parent)
    : QObject(parent)
{
    m_fallback.setSingleShot(true);
    m_fallback.setInterval(kFallbackMs);
    connect(&m_fallback, &QTimer::timeout, this, &AfterPagePaint::runNow);
    connect(view, &PageView::framePainted, this, &AfterPagePaint::runNow);
}

void AfterPagePaint::schedule(std::function<void()> work)
{
    m_work = std::move(work);
    m_fallback.start();
}

void AfterPagePaint::runNow()
{
    m_fallback.stop();
    if (const std::function<void()> work = std::exchange(m_work, nullptr))
        work();
}
