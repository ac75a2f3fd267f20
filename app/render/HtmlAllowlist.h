#pragma once

#include <QString>

struct _xmlNode;

// What a course page's HTML may hold once rendered: the elements and attributes course
// pages use (docs/course-format.md section 3) and those the renderer itself writes (embed
// cards, placeholders, course: links). Anything else is refused: an allowlist, so markup
// nobody thought of is refused too.
namespace HtmlAllowlist {

enum class Verdict {
    Keep,
    Unwrap,  // the element goes, what it holds stays (unknown and presentational elements)
    Drop,    // the element goes with all it holds (scripts, embedded objects, forms' fields)
};

Verdict element(_xmlNode *element);
bool attribute(const QString &element, const QString &attribute);
// Whether `value` may stand in a URL attribute that attribute() allows: course files and
// pages everywhere; the web, mail and page anchors in links only; inline pictures in <img>.
bool url(const QString &element, const QString &attribute, const QString &value);

// The scheme a browser reads in `url`, lower case ("" when relative): tabs and line breaks
// anywhere, and control characters and spaces at either end, are not part of it.
QString scheme(const QString &url);

}  // namespace HtmlAllowlist
