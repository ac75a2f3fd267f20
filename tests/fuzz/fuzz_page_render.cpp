// Fuzzes loading and rendering a page: the input's bytes are page m/a of a small
// Course-in-a-Box on disk (RenderFixture::TestCourse: more pages, an include, pictures), which
// is loaded, checked as `coursebook --check` checks it (every page rendered) and rendered again
// as the presenter sees it (facilitator notes shown, dark theme).
#include "CourseCheck.h"
#include "FuzzQuietMessages.h"
#include "PageRenderer.h"
#include "RenderFixture.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

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
        PageRenderer(loaded, presenter).render(*page);
    return 0;
}
