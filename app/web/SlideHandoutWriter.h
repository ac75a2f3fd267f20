#pragma once

#include "SlideDeck.h"
#include "WebPdfJob.h"

#include <QPageSize>

#include <memory>

class Course;

// A module's slides as a PDF handout: SlideDocument's print form (every slide, one to a
// landscape page; with notes, the page's facilitator notes under each), printed by Qt
// WebEngine (WebPdfJob). The document is served at the module's course:/slides URL by the
// job's own offline profile, so the course's pictures show. Activity slides show their empty
// grids: no answer is ever passed to the document.
class SlideHandoutWriter : public WebPdfJob
{
    Q_OBJECT
public:
    struct Handout {
        std::shared_ptr<const Course> course;
        QString moduleId;
        bool withNotes = false;
        QPageSize::PageSizeId size = QPageSize::A4;
    };

    explicit SlideHandoutWriter(QObject *parent = nullptr);

    // As PdfWorksheetWriter's: finished() follows once, always after the start returns.
    void start(const Handout &handout, const QString &path);
    void startInMemory(const Handout &handout);

    // Write and wait (a local event loop; needs a QGuiApplication). False + *error on failure.
    // *slides: how many slides (so pages) the handout has.
    static bool write(const Handout &handout, const QString &path, QString *error, int *slides = nullptr);
    static bool writeInMemory(const Handout &handout, QByteArray *pdf, QString *error);

    // The slides of a handout on paper of `size`: cut for a landscape sheet, not a screen.
    static SlideDeck deck(const Course &course, const QString &moduleId, QPageSize::PageSizeId size);

private:
    void startJob(const Handout &handout, const QString &path, bool inMemory);
    void loaded() override;
    void printed(const QByteArray &pdf) override;

    QPageSize::PageSizeId m_size = QPageSize::A4;
    int m_slides = 0;
};
