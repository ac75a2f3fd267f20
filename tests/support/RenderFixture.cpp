#include "RenderFixture.h"

#include "CourseFixture.h"


#include <algorithm>

namespace RenderFixture {

namespace {

QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.isEmpty() ? QStringLiteral("(no diagnostics)") : lines.join(QLatin1Char('\n'));
}

}  // namespace

TestCourse::TestCourse(const QByteArray &config)
{
    write(QStringLiteral("_config.yml"), config);
    write(QStringLiteral("_data/course.yml"), "title: Test Course\nmodules:\n  - m\n");
    addPage(QStringLiteral("2020-01-02-b.md"), QStringLiteral("Page B"), QStringLiteral("## Part two\n\nB text.\n"));
    write(QStringLiteral("modules/m/_posts/2020-01-03-c.md"), "---\ntitle: Page C\npermalink: /custom/c/\n---\nC text.\n");
    write(QStringLiteral("_includes/note.html"), "<aside class=\"note\">Included note</aside>\n");
    write(QStringLiteral("img/x.png"), "\x89PNG\r\n\x1a\n");
    write(QStringLiteral("modules/m/img/y.png"), "\x89PNG\r\n\x1a\n");
    write(QStringLiteral("img/café 日本.png"), "\x89PNG\r\n\x1a\n");
    write(QStringLiteral("docs/handout.pdf"), "%PDF-1.4\n");
}

void TestCourse::write(const QString &relativePath, const QByteArray &bytes)
{
    m_ok = writeFile(m_dir.filePath(relativePath), bytes) && m_ok;
}

void TestCourse::addPage(const QString &fileName, const QString &title, const QString &body)
{
    write(QStringLiteral("modules/m/_posts/") + fileName,
          (QStringLiteral("---\ntitle: ") + title + QStringLiteral("\n---\n") + body).toUtf8());
}

RenderedPage renderPage(const Course &course, const QString &pageId, const PageRenderer::Options &options)
{
    const CoursePage *page = course.findPage(pageId);
    if (!page) {
        qWarning("no page %s", qPrintable(pageId));
        return {};
    }
    return PageRenderer(course, options).render(*page);
}

RenderedPage renderBody(const QString &body, const QByteArray &config, const PageRenderer::Options &options)
{
    TestCourse course(config);
    course.addPage(QStringLiteral("2020-01-01-a.md"), QStringLiteral("Page A"), body);
    if (!course.isValid())
        qWarning("could not write the test course");
    return renderPage(course.load(), QStringLiteral("m/a"), options);
}

QByteArray context(const RenderedPage &page)
{
    return (QStringLiteral("\n--- body ---\n") + page.bodyHtml + QStringLiteral("\n--- diagnostics ---\n")
            + dump(page.diagnostics))
        .toUtf8();
}

const Diagnostic *findDiagnostic(const RenderedPage &page, const QStringList &substrings)
{
    const auto found = std::find_if(page.diagnostics.begin(), page.diagnostics.end(),
                                    [&](const Diagnostic &d) { return CourseFixture::mentionsAll(d, substrings); });
    return found == page.diagnostics.end() ? nullptr : &*found;
}

QVector<xmlNodePtr> select(const HtmlDom &dom, const QString &tag, const QString &className)
{
    QVector<xmlNodePtr> found;
    for (xmlNodePtr element : HtmlDom::elements(dom.body())) {
        if ((tag.isEmpty() || HtmlDom::name(element) == tag) && (className.isEmpty() || HtmlDom::hasClass(element, className)))
            found << element;
    }
    return found;
}

xmlNodePtr anchorWithText(const HtmlDom &dom, const QString &text)
{
    for (xmlNodePtr a : select(dom, QStringLiteral("a"))) {
        if (HtmlDom::text(a) == text)
            return a;
    }
    return nullptr;
}

}  // namespace RenderFixture
