// Fuzzes loading and rendering a page: the input's bytes are page m/a of a small
// Course-in-a-Box on disk (RenderFixture::TestCourse: more pages, an include, pictures), which
// is loaded, checked as `coursebook --check` checks it (every page rendered) and rendered again
// as the presenter sees it (facilitator notes shown, dark theme). Besides crashes, the body is
// read as a browser reads it (gumbo) and must run nothing: no script element, no svg or math,
// no on* attribute, no javascript: address.
#include "CourseCheck.h"
#include "FuzzQuietMessages.h"
#include "PageRenderer.h"
#include "RenderFixture.h"

#include <QCoreApplication>

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {
bool isScriptUrl(const char *value)
{
    QString letters;  // what a browser still reads as the scheme: controls and spaces dropped
    for (const QChar c : QString::fromUtf8(value)) {
        if (c.unicode() > 0x20)
            letters += c.toLower();
    }
    return letters.startsWith(QLatin1String("javascript:")) || letters.startsWith(QLatin1String("vbscript:"));
}

void checkAsBrowserReads(const QString &body)
{
    const QByteArray bytes = body.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_BODY;
    GumboOutput *output = gumbo_parse_with_options(&options, bytes.constData(), size_t(bytes.size()));
    std::vector<const GumboNode *> pending{output->root};
    while (!pending.empty()) {
        const GumboNode *node = pending.back();
        pending.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement &element = node->v.element;
        if (element.tag == GUMBO_TAG_SCRIPT || element.tag_namespace != GUMBO_NAMESPACE_HTML)
            qFatal("rendered page holds <%s> (namespace %d):\n%s", gumbo_normalized_tagname(element.tag), element.tag_namespace, bytes.constData());
        for (unsigned i = 0; i < element.attributes.length; ++i) {
            const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
            if (QByteArray(attribute->name).toLower().startsWith("on") || isScriptUrl(attribute->value))
                qFatal("rendered page holds %s=\"%s\":\n%s", attribute->name, attribute->value, bytes.constData());
        }
        for (unsigned i = 0; i < element.children.length; ++i)
            pending.push_back(static_cast<const GumboNode *>(element.children.data[i]));
    }
    gumbo_destroy_output(&options, output);
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    FuzzQuietMessages::install();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static RenderFixture::TestCourse course;
    if (!course.isValid())
        qFatal("fuzz_page_render: cannot write the test course");
    course.write(QStringLiteral("modules/m/_posts/2020-01-01-a.md"), QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const Course loaded = course.load();
    CourseCheck::run(loaded);
    PageRenderer::Options presenter;
    presenter.theme = QStringLiteral("dark");
    presenter.showFacilitatorNotes = true;
    if (const CoursePage *page = loaded.findPage(QStringLiteral("m/a")))
        checkAsBrowserReads(PageRenderer(loaded, presenter).render(*page).bodyHtml);
    return 0;
}
