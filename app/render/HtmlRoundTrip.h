#pragma once

#include <libxml/tree.h>

// Whether a clean tree, written out by libxml2 (HtmlDom::bodyHtml), is read back by the HTML5
// parsing algorithm as the same markup, known from the tree alone. The parser moves or
// re-nests only a few shapes of tree: a block inside <p> or a heading, a list item outside
// its list, table parts out of place, a link inside a link, text the tree builder rewrites.
// A tree built only from shapes it leaves alone needs no second parse; any other shape, or an
// element or character this does not know, gets "no", and the sanitizer parses it again.
// Never "yes" where the second parse would differ: tst_html_round_trip compares the two on
// every tree it is given.
namespace HtmlRoundTrip {

bool readsBackUnchanged(xmlNodePtr body);

}  // namespace HtmlRoundTrip
