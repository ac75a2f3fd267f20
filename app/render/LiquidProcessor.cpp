#include "LiquidProcessor.h"

#include "CodeBlockHtml.h"
#include "CourseFileReader.h"
#include "RenderDependencies.h"
#include "TextDecoder.h"

#include <QHash>
#include <QRegularExpression>

namespace {
using LiquidProcessor::Context;

// {% highlight %} as Jekyll writes it, a block of its own: the div starts a line, as an HTML
// block must for Markdown to leave it whole.
QString codeBlock(const QString &before, const QString &language, const QString &code)
{
    const QString block = CodeBlockHtml::block(language, code);
    return before.isEmpty() || before.endsWith(QLatin1Char('\n')) ? block : QLatin1Char('\n') + block;
}

// What {% link path %} and {% post_url name %} stand for: a root-relative address that the
// renderer resolves like any link, to the page (or file) it names, or reports as broken.
// A post's name is its file name without the extension, after the folder holding its _posts
// ("modules/intro/2020-01-05-welcome"): the page's own path, less the extension.
QString sitePath(const QString &tag, QString name)
{
    while (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (tag == QLatin1String("post_url") && slash >= 0)
        name.insert(slash + 1, QLatin1String("_posts/"));
    return QLatin1Char('/') + name;
}

// One page's expansion: what it has inserted so far, and the includes it has read once.
class PageExpansion
{
public:
    PageExpansion(const Context &context, Diagnostics *diagnostics)
        : m_reader(context.courseRoot)
        , m_pageFile(context.file)
        , m_diagnostics(diagnostics)
    {
    }

    QString expand(const QString &text, const Context &context, int depth);

private:
    struct Include {
        QString text;
        QString problem;  // why nothing is inserted
    };

    void warn(const Context &context, int line, const QString &message);
    QString include(const QString &name, const Context &context, int line, int depth);
    const Include &readInclude(const QString &name, const Context &context);
    // Whether `characters` more may be inserted; the first refusal is reported.
    bool spend(qsizetype characters, const Context &context, int line, const QString &what);

    CourseFileReader m_reader;
    QString m_pageFile;  // the budget is the page's: its warning names the page
    Diagnostics *m_diagnostics;
    QHash<QString, Include> m_includes;
    int m_includeCount = 0;
    qsizetype m_inserted = 0;
    bool m_budgetReported = false;
    bool m_depthReported = false;
    int m_warnings = 0;
};

void PageExpansion::warn(const Context &context, int line, const QString &message)
{
    // Course diagnostics are for the course's author: English, not translated.
    ++m_warnings;
    if (m_warnings <= LiquidProcessor::kMaxWarnings)
        m_diagnostics->append(Diagnostic::warning(context.file, line, message));
    else if (m_warnings == LiquidProcessor::kMaxWarnings + 1)
        m_diagnostics->append(Diagnostic::warning(m_pageFile, 0, QStringLiteral("more Liquid problems on this page are not listed")));
}

bool PageExpansion::spend(qsizetype characters, const Context &context, int line, const QString &what)
{
    if (m_inserted + characters <= LiquidProcessor::kMaxInsertedCharacters && !m_budgetReported) {
        m_inserted += characters;
        return true;
    }
    if (!m_budgetReported) {
        m_budgetReported = true;
        const bool inPage = context.file == m_pageFile;
        m_diagnostics->append(Diagnostic::warning(m_pageFile, inPage ? line : 0,
            QStringLiteral("%1%2: the page's Liquid would insert over %3 characters or %4 includes; "
                           "this and every later include and value are left out")
                .arg(what, inPage ? QString() : QStringLiteral(" (%1 line %2)").arg(context.file).arg(line))
                .arg(LiquidProcessor::kMaxInsertedCharacters)
                .arg(LiquidProcessor::kMaxIncludes)));
    }
    return false;
}

const PageExpansion::Include &PageExpansion::readInclude(const QString &name, const Context &context)
{
    auto cached = m_includes.constFind(name);
    if (cached != m_includes.constEnd())
        return *cached;
    const QString path = QStringLiteral("_includes/") + name;
    const CourseFileReader::Result file = m_reader.read(path);
    if (context.dependencies)
        context.dependencies->addInclude(path, file);
    Include include;
    if (file.isRead())
        include.text = TextDecoder::decode(file.bytes).text;
    else if (file.outcome == CourseFileReader::Outcome::Missing)
        include.problem = QStringLiteral("no such file in _includes; nothing inserted");
    else
        include.problem = path + QLatin1Char(' ') + file.problem;
    return *m_includes.insert(name, include);
}

QString PageExpansion::include(const QString &name, const Context &context, int line, int depth)
{
    const QString tag = QStringLiteral("{% include %1 %}").arg(name);
    if (m_budgetReported)
        return QString();
    if (depth >= LiquidProcessor::kMaxIncludeDepth) {
        // Said once a page: an include that includes itself would say it at every step.
        if (!m_depthReported) {
            m_depthReported = true;
            warn(context, line, QStringLiteral("%1: includes nest more than %2 deep; deeper includes are not inserted")
                                    .arg(tag).arg(LiquidProcessor::kMaxIncludeDepth));
        }
        return QString();
    }
    const Include &file = readInclude(name, context);
    if (!file.problem.isEmpty()) {
        warn(context, line, QStringLiteral("%1: %2").arg(tag, file.problem));
        return QString();
    }
    if (++m_includeCount > LiquidProcessor::kMaxIncludes)
        m_inserted = LiquidProcessor::kMaxInsertedCharacters + 1;  // the count is spent: so is the budget
    if (!spend(file.text.size(), context, line, tag))
        return QString();
    Context included = context;
    included.file = QStringLiteral("_includes/") + name;
    included.firstLine = 1;
    return expand(file.text, included, depth + 1);
}

QString PageExpansion::expand(const QString &text, const Context &context, int depth)
{
    // Bounded inner lengths keep matching linear: an unclosed "{{" does not scan the rest of an 8 MB page.
    static const QRegularExpression token(QStringLiteral("\\{\\{(.{0,1000}?)\\}\\}|\\{%(.{0,1000}?)%\\}"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tagParts(QStringLiteral("^-?\\s*(\\w+)\\s*(.*?)\\s*-?$"), QRegularExpression::DotMatchesEverythingOption);
    // Blocks whose inside Liquid does not read: kept literally, shown as code, or hidden.
    static const QHash<QString, QRegularExpression> blockEnds = [] {
        QHash<QString, QRegularExpression> ends;
        for (const char *name : {"raw", "highlight", "comment"})
            ends.insert(QLatin1String(name), QRegularExpression(QStringLiteral("\\{%-?\\s*end%1\\s*-?%\\}").arg(QLatin1String(name))));
        return ends;
    }();
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    // Lines are counted forward as matches come, in order: never from the start again.
    qsizetype countedTo = 0;
    int line = context.firstLine;
    auto lineAt = [&](qsizetype at) {
        line += int(QStringView(text).mid(countedTo, at - countedTo).count(QLatin1Char('\n')));
        countedTo = at;
        return line;
    };

    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < pos)
            continue;  // inside a {% raw %} or {% comment %} block already copied or skipped
        if (!m.captured(1).isNull()) {
            out += QStringView(text).mid(pos, m.capturedStart() - pos);
            pos = m.capturedEnd();
            QString expression = m.captured(1).section(QLatin1Char('|'), 0, 0).trimmed();
            if (expression.startsWith(QLatin1Char('-')))
                expression = expression.mid(1).trimmed();
            if (expression.endsWith(QLatin1Char('-')))
                expression = expression.chopped(1).trimmed();
            if (expression == QLatin1String("site.baseurl") || expression == QLatin1String("site.url"))
                continue;  // the course root: root-relative links then resolve inside the course
            QString value;
            if (expression.startsWith(QLatin1String("site.")) && context.site.contains(expression.mid(5)))
                value = context.site.value(expression.mid(5)).toString();
            else if (expression.startsWith(QLatin1String("site.")))
                warn(context, lineAt(m.capturedStart()), QStringLiteral("{{ %1 }} is not set in _config.yml; left empty").arg(expression));
            else if (expression.startsWith(QLatin1String("page.")))
                value = context.page.value(expression.mid(5)).toString();
            else
                warn(context, lineAt(m.capturedStart()), QStringLiteral("Liquid value {{ %1 }} is not supported; removed").arg(expression));
            if (!value.isEmpty() && spend(value.size(), context, lineAt(m.capturedStart()), QStringLiteral("{{ %1 }}").arg(expression)))
                out += value;
            continue;
        }
        const QRegularExpressionMatch parts = tagParts.match(m.captured(2));
        if (!parts.hasMatch())
            continue;  // "{% %}" is no tag: left as text
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        pos = m.capturedEnd();
        const QString tag = parts.captured(1);
        const QString argument = parts.captured(2).section(QLatin1Char(' '), 0, 0);
        if (const auto blockEnd = blockEnds.constFind(tag); blockEnd != blockEnds.cend()) {
            const QRegularExpressionMatch end = blockEnd->match(text, pos);
            const qsizetype innerEnd = end.hasMatch() ? end.capturedStart() : text.size();
            if (!end.hasMatch())
                warn(context, lineAt(m.capturedStart()), QStringLiteral("{% %1 %} has no {% end%1 %}").arg(tag));
            const QString inner = text.mid(pos, innerEnd - pos);
            if (tag == QLatin1String("raw"))
                out += inner;
            else if (tag == QLatin1String("highlight"))
                out += codeBlock(out, argument, inner);
            pos = end.hasMatch() ? end.capturedEnd() : text.size();
        } else if (tag == QLatin1String("include")) {
            out += include(argument, context, lineAt(m.capturedStart()), depth);
        } else if (tag == QLatin1String("link") || tag == QLatin1String("post_url")) {
            out += sitePath(tag, argument);
        } else if (!tag.startsWith(QLatin1String("end"))) {
            warn(context, lineAt(m.capturedStart()), QStringLiteral("Liquid tag {% %1 %} is not supported; removed").arg(tag));
        }
    }
    out += QStringView(text).mid(pos);
    return out;
}
}  // namespace

QString LiquidProcessor::process(const QString &text, const Context &context, Diagnostics *diagnostics)
{
    if (!text.contains(QLatin1Char('{')))
        return text;
    PageExpansion page(context, diagnostics);
    return page.expand(text, context, 0);
}
