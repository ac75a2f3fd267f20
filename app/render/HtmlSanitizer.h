#pragma once

#include <QString>
#include <QVector>

class HtmlDom;

// Holds a rendered page to HtmlAllowlist on its own, whatever the engine's settings: no
// element, attribute or URL outside the allowlist reaches the page view. It works on the tree
// gumbo built (HtmlDom), which is the tree the browser builds from the same markup; and
// since a tree written out can read back as another tree (mutation XSS), the markup it hands
// on is parsed again and must come back the same.
namespace HtmlSanitizer {

// Something removed, for the author: `cause` is text to find it by in the page's source.
struct Finding {
    QString cause;
    QString message;
};
using Findings = QVector<Finding>;

// Removes comments and whatever the allowlist refuses; reports each kind once.
Findings clean(HtmlDom &dom);

// The body's markup, cleaned once more and checked by parsing it again (HtmlRoundTrip spares
// that parse where the tree's shape shows the answer): if the browser would read something
// else, the re-read tree is cleaned and written out instead (reported in `findings`).
QString serialised(HtmlDom &dom, Findings *findings);

}  // namespace HtmlSanitizer
