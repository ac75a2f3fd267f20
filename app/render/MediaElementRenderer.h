#pragma once

#include "CourseFileResolver.h"
#include "CourseLinkResolver.h"

#include <functional>

class HtmlDom;
struct _xmlNode;

// What a page's <video> or <audio> becomes (docs/course-format.md section 3). It plays in the
// page, always with its controls, when one of its sources (its src, its <source> children) is
// a course file the engine plays (MediaFormat): those then lead to course:/file/ addresses and
// every other source goes, so nothing is asked of the web. Otherwise it becomes a card
// (EmbedCardElement): a course file the engine cannot play opens in the desktop's player, a
// file on the web opens in the browser, and a missing file is named on the card and reported.
class MediaElementRenderer
{
public:
    // Reports a problem at the source line of `cause` (a file reference).
    using Warn = std::function<void(const QString &cause, const QString &message)>;

    MediaElementRenderer(const CourseLinkResolver &links, const QString &courseRoot);

    void render(HtmlDom &dom, _xmlNode *media, const CoursePage &page, const Warn &warn) const;
    // A <source> or <track> inside a <video> or <audio>: render() takes care of it.
    static bool belongsToMedia(_xmlNode *element);

private:
    const CourseLinkResolver &m_links;
    CourseFileResolver m_files;
};
