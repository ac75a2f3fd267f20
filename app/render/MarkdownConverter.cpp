#include "MarkdownConverter.h"

#include <QHash>
#include <QRegularExpression>
#include <QVector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>

namespace {
struct Range { qsizetype start, end; };

// Where the first line from `from` on that closes a fence of `length` `marker`s ends (up to 3
// spaces, at least as many markers, then only spaces and tabs), or -1. A scan, not a pattern
// built for each fence: compiling one cost more than the page's whole Markdown.
qsizetype closingFenceEnd(const QString &text, qsizetype from, QChar marker, qsizetype length)
{
    for (qsizetype line = from; line < text.size() || line == from;) {
        qsizetype at = line, spaces = 0;
        while (at < text.size() && spaces < 3 && text.at(at) == QLatin1Char(' '))
            ++at, ++spaces;
        qsizetype run = 0;
        while (at < text.size() && text.at(at) == marker)
            ++at, ++run;
        while (at < text.size() && (text.at(at) == QLatin1Char(' ') || text.at(at) == QLatin1Char('\t')))
            ++at;
        if (run >= length && (at == text.size() || text.at(at) == QLatin1Char('\n')))
            return at;
        const qsizetype next = text.indexOf(QLatin1Char('\n'), line);
        if (next < 0)
            break;
        line = next + 1;
    }
    return -1;
}

// Fenced code blocks show their content literally: nothing inside them is rewritten.
QVector<Range> fencedCodeRanges(const QString &text)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(`{3,}|~{3,})"), QRegularExpression::MultilineOption);
    QVector<Range> ranges;
    if (!text.contains(QLatin1String("```")) && !text.contains(QLatin1String("~~~")))
        return ranges;
    qsizetype pos = 0;
    while (true) {
        const QRegularExpressionMatch open = fence.match(text, pos);
        if (!open.hasMatch())
            break;
        const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), open.capturedEnd());
        const qsizetype end = lineEnd < 0 ? -1 : closingFenceEnd(text, lineEnd + 1, open.capturedView(1).front(), open.capturedLength(1));
        const qsizetype stop = end >= 0 ? end : text.size();
        ranges.append({open.capturedStart(), stop});
        pos = stop;
        if (pos >= text.size())
            break;
    }
    return ranges;
}

bool inside(const QVector<Range> &ranges, qsizetype at)
{
    for (const Range &r : ranges) {
        if (at >= r.start && at < r.end)
            return true;
    }
    return false;
}

// Replaces matches of `pattern` outside fenced code by its capture `keep` (0: nothing).
// `marker` is text every match holds: most pages have none, and are left as they are at once.
QString replaceOutsideCode(const QString &text, const QRegularExpression &pattern, QLatin1StringView marker, int keep = 0)
{
    if (!text.contains(marker))
        return text;
    const QVector<Range> code = fencedCodeRanges(text);
    QString out;
    qsizetype pos = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (inside(code, m.capturedStart()))
            continue;
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        if (keep > 0)
            out += m.captured(keep);
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    return out;
}

QString dedent(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    qsizetype common = -1;
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        qsizetype indent = 0;
        while (indent < line.size() && (line[indent] == QLatin1Char(' ') || line[indent] == QLatin1Char('\t')))
            ++indent;
        common = common < 0 ? indent : qMin(common, indent);
    }
    if (common <= 0)
        return text;
    for (QString &line : lines)
        line.remove(0, qMin(common, line.size()));
    return lines.join(QLatin1Char('\n'));
}

// cmark-gfm: CommonMark plus the pipe-table extension, the one kramdown-ism with no
// CommonMark equivalent (the other GFM extensions stay off: kramdown has no autolinks).
QString cmarkToHtml(const QString &markdown)
{
    cmark_gfm_core_extensions_ensure_registered();
    constexpr int options = CMARK_OPT_UNSAFE | CMARK_OPT_SMART;
    const std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
    if (cmark_syntax_extension *table = cmark_find_syntax_extension("table"))
        cmark_parser_attach_syntax_extension(parser.get(), table);
    const QByteArray bytes = markdown.toUtf8();
    cmark_parser_feed(parser.get(), bytes.constData(), size_t(bytes.size()));
    const std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(cmark_parser_finish(parser.get()), &cmark_node_free);
    const std::unique_ptr<char, decltype(&free)> html(
        cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())), &free);
    return QString::fromUtf8(html.get());
}

const QString kPlaceholder = QStringLiteral("<!--coursebook-block:%1-->");

// The open and close tags of a block element protectBlocks() finds, compiled once.
const QRegularExpression &tagsNamed(const QString &name)
{
    static const QHash<QString, QRegularExpression> tags = [] {
        QHash<QString, QRegularExpression> byName;
        for (const char *element : {"div", "details", "section", "aside"})
            byName.insert(QLatin1String(element), QRegularExpression(QStringLiteral("<(/?)%1\\b[^>]*>").arg(QLatin1String(element)),
                                                                      QRegularExpression::CaseInsensitiveOption));
        return byName;
    }();
    return tags.find(name).value();
}
}  // namespace

MarkdownConverter::MarkdownConverter(QStringList *stash)
    : m_stash(stash)
{
}

QString MarkdownConverter::stash(const QString &html)
{
    m_stash->append(html);
    return kPlaceholder.arg(m_stash->size() - 1);
}

// Finds block-level <div>/<details>/<section>/<aside> elements that start a line and
// replaces each whole element with a placeholder holding its finished HTML. In raw
// mode (inside an HTML block) only elements with markdown="1" are converted.
QString MarkdownConverter::protectBlocks(const QString &text, bool rawMode)
{
    static const QRegularExpression open(QStringLiteral("^[ \\t]*<(div|details|section|aside)\\b([^>]*)>"),
                                         QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression markdownAttribute(QStringLiteral("\\s+markdown\\s*=\\s*[\"']?(1|block|span)[\"']?"),
                                                      QRegularExpression::CaseInsensitiveOption);
    const QVector<Range> code = rawMode ? QVector<Range>() : fencedCodeRanges(text);
    QString out;
    qsizetype pos = 0;
    QRegularExpressionMatch m = open.match(text, pos);
    while (m.hasMatch()) {
        const qsizetype start = m.capturedStart();
        if (inside(code, start)) {
            m = open.match(text, m.capturedEnd());
            continue;
        }
        const QString name = m.captured(1).toLower();
        const bool isMarkdown = markdownAttribute.match(m.captured(2)).hasMatch();
        if (rawMode && !isMarkdown) {
            m = open.match(text, m.capturedEnd());
            continue;
        }
        // Find the matching close tag, counting nested elements of the same name; tags shown
        // in fenced code do not count.
        const QRegularExpression &tags = tagsNamed(name);
        int depth = 1;
        qsizetype innerEnd = text.size(), end = text.size();
        for (auto it = tags.globalMatch(text, m.capturedEnd()); it.hasNext();) {
            const QRegularExpressionMatch tag = it.next();
            if (inside(code, tag.capturedStart()))
                continue;
            depth += tag.captured(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                innerEnd = tag.capturedStart();
                end = tag.capturedEnd();
                break;
            }
        }
        const QString inner = text.mid(m.capturedEnd(), innerEnd - m.capturedEnd());
        QString openTag = m.captured(0).trimmed();
        QString html;
        if (isMarkdown) {
            openTag.remove(markdownAttribute);
            html = openTag + QLatin1Char('\n') + convert(dedent(inner)) + QStringLiteral("</") + name + QLatin1Char('>');
        } else {
            html = openTag + protectBlocks(inner, true) + QStringLiteral("</") + name + QLatin1Char('>');
        }
        out += QStringView(text).mid(pos, start - pos);
        // An HTML comment line may interrupt a paragraph and ends on its own line, so
        // cmark passes the placeholder through untouched.
        out += QLatin1Char('\n') + stash(html) + QLatin1Char('\n');
        pos = end;
        m = open.match(text, pos);
    }
    out += QStringView(text).mid(pos);
    return out;
}

QString MarkdownConverter::convert(const QString &markdown)
{
    static const QRegularExpression attributeList(QStringLiteral("\\{:[^}\\n]*\\}"));
    // kramdown's header ids: "## Intro {#intro}".
    static const QRegularExpression headerId(QStringLiteral("^(#{1,6}[ \\t].*?)[ \\t]+\\{#[\\w:-]+\\}[ \\t]*$"),
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression wikiLink(QStringLiteral("\\[\\[(?:[^\\]|\\n]*\\|)?([^\\]\\n]+)\\]\\]"));
    QString text = replaceOutsideCode(markdown, attributeList, QLatin1StringView("{:"));
    text = replaceOutsideCode(text, headerId, QLatin1StringView("{#"), 1);
    text = replaceOutsideCode(text, wikiLink, QLatin1StringView("[["), 1);
    return cmarkToHtml(protectBlocks(text, false));
}

QString MarkdownConverter::toHtml(const QString &markdown)
{
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression kramdownComment(QStringLiteral("\\{::comment\\}.*?\\{:/(comment)?\\}"),
                                                    QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression bookmark(QStringLiteral("\\[bookmark:[^\\]\\n]*\\]"));
    QString text = replaceOutsideCode(markdown, comment, QLatin1StringView("<!--"));
    text = replaceOutsideCode(text, kramdownComment, QLatin1StringView("{::comment}"));
    text = replaceOutsideCode(text, bookmark, QLatin1StringView("[bookmark:"));
    QStringList stashed;
    MarkdownConverter converter(&stashed);
    QString html = converter.convert(text);
    // Placeholders may nest (a raw div holding a markdown="1" div): resolve inner-first.
    for (qsizetype i = stashed.size() - 1; i >= 0; --i)
        html.replace(kPlaceholder.arg(i), stashed.at(i));
    return html;
}

bool MarkdownConverter::looksLikeMarkdown(const QString &text)
{
    static const QRegularExpression structure(
        QStringLiteral("^(#{1,6}\\s|\\s{0,3}[-*+]\\s|\\s{0,3}\\d+[.)]\\s|>|```|\\s*<[a-zA-Z])|\\]\\(|\\*\\*\\S"),
        QRegularExpression::MultilineOption);
    return structure.match(text).hasMatch();
}

QString MarkdownConverter::plainTextToHtml(const QString &text)
{
    static const QRegularExpression bookmark(QStringLiteral("\\[bookmark:[^\\]\\n]*\\]"));
    static const QRegularExpression wikiLink(QStringLiteral("\\[\\[(?:[^\\]|\\n]*\\|)?([^\\]\\n]+)\\]\\]"));
    QString cleaned = text;
    cleaned.remove(bookmark).replace(wikiLink, QStringLiteral("\\1"));
    const QStringList lines = cleaned.split(QLatin1Char('\n'));
    QString html;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        // A short line without closing punctuation, followed by text, is a heading.
        const QChar last = line.back();
        const bool headingLike = line.size() <= 60 && !QStringLiteral(".,;:!?\"”)").contains(last)
            && i + 1 < lines.size() && !lines.at(i + 1).trimmed().isEmpty() && lines.at(i + 1).trimmed().size() > line.size();
        if (headingLike)
            html += QStringLiteral("<h2>") + line.toHtmlEscaped() + QStringLiteral("</h2>\n");
        else
            html += QStringLiteral("<p>") + line.toHtmlEscaped() + QStringLiteral("</p>\n");
    }
    return html;
}
