#pragma once

#include "Course.h"
#include "CourseFileReader.h"
#include "CourseLinkResolver.h"
#include "MediaElementRenderer.h"
#include "ReadingSettings.h"
#include "KwlRevisitInference.h"
#include "RenderedPage.h"

class HtmlDom;
class RenderDependencies;
struct _xmlNode;

// Turns a CoursePage's Markdown into the HTML document the web view shows
// (docs/course-format.md sections 2, 3 and 5): Liquid, kramdown-isms, cmark, then a pass over
// the tree that turns embeds into offline cards and resolves links, then HtmlSanitizer.
// A page's body is kept in RenderedPageCache while its stamp and dependencies hold.
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

    // Safe to call from several threads at once (PageRenderPass does): a render keeps its
    // state on its own stack, and the cache it shares locks.
    RenderedPage render(const CoursePage &page) const;
    RenderedPage renderBody(const CoursePage &page) const;  // all but documentHtml
    // What render() finds in the page, without the document around it (--list, progress).
    QVector<ActivitySpec> activities(const CoursePage &page) const;
    const CoursePage *pageHolding(const QString &activityId) const;  // the first, or null

private:
    struct Problems;  // a page's diagnostics, each at the source line of its cause

    QString bodyHtml(const CoursePage &page, QVector<ActivitySpec> *activities, Diagnostics *diagnostics,
                     KwlRevisitInference &kwlReturns, RenderDependencies *dependencies) const;
    // What the page's body is made of, the course around it and the program included.
    QByteArray stamp(const CoursePage &page) const;
    void makeOffline(HtmlDom &dom, Problems &problems) const;
    void resolveLink(_xmlNode *anchor, Problems &problems) const;
    void resolveImage(HtmlDom &dom, _xmlNode *image, Problems &problems) const;
    QString document(const CoursePage &page, const QString &body) const;

    const Course &m_course;
    Options m_options;
    CourseLinkResolver m_links;
    MediaElementRenderer m_media;
    CourseFileReader m_reader;  // rereads includes to check a cached body
    QString m_template;
    QString m_readingCss;  // the reading settings' CSS, the same on every page
    QByteArray m_courseStamp;  // what every page's body depends on: settings, pages' addresses
};
