#include "HtmlNestingLimit.h"

#include <QSet>

#include <cctype>

namespace {

bool isNameChar(char c)
{
    return c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

// Void elements, and those whose end tag may be left out (the parser closes them when a
// sibling starts): counting them would take a long list of <li>s for deep nesting.
const QSet<QByteArray> kUncounted = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                                     "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr",
                                     "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rtc", "rp",
                                     "html", "head", "body", "image"};
// Elements whose content is text up to their end tag: a "<" inside opens nothing.
const QSet<QByteArray> kRawText = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"};

qsizetype indexOfCaseInsensitive(const QByteArray &haystack, const QByteArray &needle, qsizetype from)
{
    for (qsizetype at = haystack.indexOf('<', from); at >= 0; at = haystack.indexOf('<', at + 1)) {
        if (haystack.mid(at, needle.size()).toLower() == needle)
            return at;
    }
    return -1;
}

// The end of the tag starting at `at` (one past its ">"); quoted attribute values may hold ">".
qsizetype tagEnd(const QByteArray &html, qsizetype at)
{
    char quote = 0;
    char previous = 0;
    for (qsizetype i = at + 1; i < html.size(); ++i) {
        const char c = html.at(i);
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if ((c == '"' || c == '\'') && previous == '=') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            previous = c;
    }
    return html.size();
}

}  // namespace

HtmlNestingLimit::Result HtmlNestingLimit::apply(const QByteArray &html, int maxDepth)
{
    Result result;
    if (html.count('<') <= maxDepth) {  // too few tags to nest that deep: most pages
        result.html = html;
        return result;
    }
    int depth = 0;
    int droppedOpen = 0;  // left-out start tags whose end tags are still to come
    qsizetype copiedTo = 0;
    auto leaveOut = [&](qsizetype from, qsizetype to) {
        result.html += html.mid(copiedTo, from - copiedTo);
        copiedTo = to;
    };
    qsizetype i = html.indexOf('<');
    while (i >= 0 && i + 1 < html.size()) {
        qsizetype next = i + 1;
        const char c = html.at(i + 1);
        if (QByteArrayView(html).sliced(i).startsWith("<!--")) {
            const qsizetype close = html.indexOf("-->", i + 2);  // "<!-->" ends at once, as in the browser
            next = close < 0 ? html.size() : close + 3;
        } else if (c == '!' || c == '?') {
            next = tagEnd(html, i);
        } else if (c == '/' || std::isalpha(static_cast<unsigned char>(c))) {
            const bool isEnd = c == '/';
            qsizetype nameEnd = i + (isEnd ? 2 : 1);
            while (nameEnd < html.size() && isNameChar(html.at(nameEnd)))
                ++nameEnd;
            const QByteArray name = html.mid(i + (isEnd ? 2 : 1), nameEnd - i - (isEnd ? 2 : 1)).toLower();
            next = tagEnd(html, i);
            if (name == "plaintext" && !isEnd)
                break;  // everything after it is text
            if (!isEnd && kRawText.contains(name)) {
                const qsizetype close = indexOfCaseInsensitive(html, "</" + name, next);
                next = close < 0 ? html.size() : close;
            } else if (!name.isEmpty() && !kUncounted.contains(name) && !kRawText.contains(name)) {
                if (isEnd && droppedOpen > 0) {
                    leaveOut(i, next);
                    --droppedOpen;
                } else if (isEnd) {
                    depth = qMax(0, depth - 1);
                } else if (depth >= maxDepth) {
                    leaveOut(i, next);
                    ++droppedOpen;
                    ++result.droppedTags;
                } else {
                    ++depth;
                }
            }
        }
        i = html.indexOf('<', next);
    }
    if (result.droppedTags == 0) {
        result.html = html;
        return result;
    }
    result.html += html.mid(copiedTo);
    return result;
}
