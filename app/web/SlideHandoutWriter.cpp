#include "SlideHandoutWriter.h"

#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "OfflineWebProfile.h"
#include "SlideDocument.h"

#include <QColor>
#include <QPageLayout>

SlideHandoutWriter::SlideHandoutWriter(QObject *parent)
    : WebPdfJob(parent)
{
}

SlideDeck SlideHandoutWriter::deck(const Course &course, const QString &moduleId, QPageSize::PageSizeId size)
{
    // A sheet in CSS pixels, as the print layout sees it, turned to landscape.
    const QSize sheet = QPageSize(size).sizePixels(96).transposed();
    return SlideDeck::forModule(course, moduleId, PageRenderer::Options(), SlideBudget::forScreen(sheet, 1.0));
}

void SlideHandoutWriter::start(const Handout &handout, const QString &path)
{
    startJob(handout, path, false);
}

void SlideHandoutWriter::startInMemory(const Handout &handout)
{
    startJob(handout, QString(), true);
}

void SlideHandoutWriter::startJob(const Handout &handout, const QString &path, bool inMemory)
{
    m_size = handout.size;
    m_slides = 0;
    if (!begin(path, inMemory))
        return;
    const CourseModule *module = handout.course ? handout.course->findModule(handout.moduleId) : nullptr;
    if (!module)
        return fail(tr("The course has no module \"%1\".").arg(handout.moduleId));
    const SlideDeck slides = deck(*handout.course, handout.moduleId, handout.size);
    if (slides.isEmpty())
        return fail(tr("The module \"%1\" has no pages to make slides of.").arg(module->title));
    m_slides = slides.count();

    SlideDocument::Options options;
    options.print = true;
    options.withNotes = handout.withNotes;
    // What each activity slide's grid looks like; its answers (gridAnswers) stay empty.
    const PageRenderer renderer(*handout.course);
    for (const CoursePage &page : module->pages) {
        for (const ActivitySpec &spec : renderer.render(page).activities)
            options.activities.insert(spec.id, spec);
    }
    CourseSchemeHandler *handler = profile()->schemeHandler();
    handler->setCourse(handout.course);
    handler->setSlides(module->id, SlideDocument::html(slides, options).toUtf8());
    load(CourseUrl::slides(module->id), Qt::white);
}

void SlideHandoutWriter::loaded()
{
    // The slides fill whole sheets: their margins are their own.
    print(QPageLayout(QPageSize(m_size), QPageLayout::Landscape, QMarginsF(), QPageLayout::Millimeter));
}

void SlideHandoutWriter::printed(const QByteArray &pdf)
{
    complete(pdf);
}

bool SlideHandoutWriter::write(const Handout &handout, const QString &path, QString *error, int *slides)
{
    SlideHandoutWriter writer;
    const bool written = runToEnd(writer, [&] { writer.start(handout, path); }, nullptr, error);
    if (slides)
        *slides = writer.m_slides;
    return written;
}

bool SlideHandoutWriter::writeInMemory(const Handout &handout, QByteArray *pdf, QString *error)
{
    SlideHandoutWriter writer;
    return runToEnd(writer, [&] { writer.startInMemory(handout); }, pdf, error);
}
