#include "PageRenderer.h"

#include <cmark.h>

// Minimal first version: cmark with raw HTML, no template.
PageRenderer::PageRenderer(const Course &course)
    : m_course(course)
{
}

RenderedPage PageRenderer::render(const CoursePage &page) const
{
    RenderedPage result;
    result.pageId = page.id;
    result.title = page.title;
    const QByteArray markdown = page.markdown.toUtf8();
    char *html = cmark_markdown_to_html(markdown.constData(), size_t(markdown.size()), CMARK_OPT_UNSAFE);
    result.bodyHtml = QString::fromUtf8(html);
    free(html);
    result.documentHtml = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body><h1>%1</h1>%2</body></html>")
                              .arg(page.title.toHtmlEscaped(), result.bodyHtml);
    return result;
}
