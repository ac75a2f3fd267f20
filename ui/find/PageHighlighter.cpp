#include "PageHighlighter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QWebEnginePage>
#include <QWebEngineScript>

namespace {
// Defined once per document in the app's script world, where it stays for the next call.
// Text is compared folded (decomposed, marks dropped, lower case) with a map from each
// folded character back to the one it came from, so a match marks the text as written.
const QString kFinder = QStringLiteral(R"JS(
if (!window.coursebookFind) window.coursebookFind = (function () {
    const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const skip = 'script,style,noscript,textarea,input,select,[contenteditable],mark.coursebook-find';
    let marks = [], current = -1;
    const state = () => ({count: marks.length, current: current + 1,
                          scrollY: (document.scrollingElement || document.documentElement).scrollTop});
    function show(index) {
        if (current >= 0 && marks[current]) marks[current].removeAttribute('data-current'), marks[current].style.cssText = '';
        current = index;
        const mark = marks[current];
        if (!mark) return;
        mark.setAttribute('data-current', '');
        mark.style.backgroundColor = '#ff9632';
        mark.style.color = '#000';
        mark.style.outline = '2px solid #8a3a00';
        mark.scrollIntoView({block: 'center', inline: 'nearest'});
    }
    function clear() {
        for (const mark of marks) {
            const parent = mark.parentNode;
            if (!parent) continue;
            parent.replaceChild(document.createTextNode(mark.textContent), mark);
            parent.normalize();
        }
        marks = [];
        current = -1;
    }
    function rangesIn(text, needles) {
        let folded = '';
        const from = [];
        for (let i = 0; i < text.length; ++i) {
            const piece = fold(text[i]);
            folded += piece;
            for (let k = 0; k < piece.length; ++k) from.push(i);
        }
        const ranges = [];
        for (const needle of needles) {
            for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length))
                ranges.push([from[at], from[at + needle.length - 1] + 1]);
        }
        ranges.sort((a, b) => a[0] - b[0]);
        const merged = [];
        for (const r of ranges) {
            const last = merged[merged.length - 1];
            if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
            else merged.push(r);
        }
        return merged;
    }
    function highlight(words) {
        clear();
        const needles = words.map(fold).filter(w => w.length > 0);
        if (!needles.length || !document.body) return state();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: node =>
            node.parentElement && !node.parentElement.closest(skip) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
        const nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        for (const node of nodes) {
            const ranges = rangesIn(node.data, needles);
            const found = [];
            for (let r = ranges.length - 1; r >= 0; --r) {  // from the end, so earlier offsets hold
                node.splitText(ranges[r][1]);
                const text = node.splitText(ranges[r][0]);
                const mark = document.createElement('mark');
                mark.className = 'coursebook-find';
                text.parentNode.replaceChild(mark, text);
                mark.appendChild(text);
                found.unshift(mark);
            }
            marks.push(...found);
        }
        if (marks.length) show(0);
        return state();
    }
    function step(direction) {
        if (marks.length) show((current + direction + marks.length) % marks.length);
        return state();
    }
    return {highlight, step, clear: () => { clear(); return state(); }};
})();
)JS");
}  // namespace

PageHighlighter::PageHighlighter(QWebEnginePage *page, QObject *parent)
    : QObject(parent)
    , m_page(page)
{
    // A new document has none of the old one's marks.
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] {
        ++m_generation;
        m_count = m_current = 0;
    });
}

void PageHighlighter::highlight(const QStringList &needles)
{
    m_needles = needles;
    run(QStringLiteral("coursebookFind.highlight(%1)")
            .arg(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(needles)).toJson(QJsonDocument::Compact))));
}

void PageHighlighter::step(int direction)
{
    run(QStringLiteral("coursebookFind.step(%1)").arg(direction > 0 ? 1 : -1));
}

void PageHighlighter::clear()
{
    m_needles.clear();
    run(QStringLiteral("coursebookFind.clear()"));
}

void PageHighlighter::run(const QString &call)
{
    const quint64 generation = ++m_generation;
    const QPointer<PageHighlighter> self(this);
    m_page->runJavaScript(kFinder + call, QWebEngineScript::ApplicationWorld, [self, generation](const QVariant &result) {
        if (!self || generation != self->m_generation)
            return;
        const QVariantMap state = result.toMap();
        self->m_count = state.value(QStringLiteral("count")).toInt();
        self->m_current = state.value(QStringLiteral("current")).toInt();
        emit self->matchesChanged(self->m_current, self->m_count);
    });
}
