#pragma once

#include "Course.h"
#include "CourseLinkResolver.h"
#include "MediaElementRenderer.h"
#include "ReadingSettings.h"
#include "KwlRevisitInference.h"
#include "RenderedPage.h"

class HtmlDom;
struct _xmlNode;

// Turns a CoursePage's Markdown into the HTML document the web view shows
// (docs/course-format.md sections 2, 3 and 5): Liquid, kramdown-isms, cmark, then a pass over
// the tree that turns embeds into offline cards and resolves links, then HtmlSanitizer.
class PageRenderer
{
public:
    struct Options {
        QString theme = QStringLiteral("light");  // light | sepia | dark | high-contrast
        bool showFacilitatorNotes = false;
        ReadingSettings reading;  // its theme is resolved into `theme` by the app
    };

    // Where the course home shows the learner's progress: after the home's body, empty here
    // (the app fills it in; a rendered file has no answers to show).
    static inline const QString kCourseProgressSection =
        QStringLiteral("<section class=\"course-progress\" id=\"course-progress\" aria-label=\"Your progress\"></section>");

    explicit PageRenderer(const Course &course);
    PageRenderer(const Course &course, const Options &options);

    RenderedPage render(const CoursePage &page) const;

private:
    struct Problems;  // a page's diagnostics, each at the source line of its cause

    QString bodyHtml(const CoursePage &page, QVector<ActivitySpec> *activities, Diagnostics *diagnostics,
                     KwlRevisitInference &kwlReturns) const;
    void makeOffline(HtmlDom &dom, Problems &problems) const;
    void resolveLink(_xmlNode *anchor, Problems &problems) const;
    void resolveImage(HtmlDom &dom, _xmlNode *image, Problems &problems) const;
    QString document(const CoursePage &page, const QString &body) const;

    const Course &m_course;
    Options m_options;
    CourseLinkResolver m_links;
    MediaElementRenderer m_media;
    QString m_template;
};
