#pragma once

#include <QByteArray>

// Keeps parsing time bounded: the HTML5 tree builder checks the stack of open elements at
// every start tag, so markup nested N deep costs N² (5 MB of <div>s would take hours).
// A quick scan counts how deep each start tag opens and leaves out the tags (not the text)
// that would go deeper than `maxDepth`, with as many of their end tags. The count is an
// estimate (elements whose end tag may be left out, such as <p> and <li>, do not count), so
// the limit sits well above any real page; what the parser then builds from the result is
// checked like any other markup.
namespace HtmlNestingLimit {

struct Result {
    QByteArray html;
    int droppedTags = 0;  // start tags left out
};

Result apply(const QByteArray &html, int maxDepth);

}  // namespace HtmlNestingLimit
