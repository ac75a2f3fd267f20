#include "LiquidProcessor.h"

#include "CourseFileResolver.h"
#include "TextDecoder.h"

#include <QFile>
#include <QRegularExpression>

namespace {
constexpr int kMaxIncludeDepth = 4;

QString processAt(const QString &text, const LiquidProcessor::Context &context, Diagnostics *diagnostics, int depth)
{
    static const QRegularExpression token(QStringLiteral("\\{\\{-?\\s*(.*?)\\s*-?\\}\\}|\\{%-?\\s*(\\w+)\\s*(.*?)\\s*-?%\\}"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    auto lineAt = [&](qsizetype at) { return context.firstLine + int(text.left(at).count(QLatin1Char('\n'))); };
    auto warn = [&](qsizetype at, const QString &message) {
        diagnostics->append(Diagnostic::warning(context.file, lineAt(at), message));
    };

    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < pos)
            continue;  // inside a {% raw %} or {% comment %} block already copied or skipped
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        pos = m.capturedEnd();
        if (!m.captured(1).isNull()) {
            const QString expression = m.captured(1).section(QLatin1Char('|'), 0, 0).trimmed();
            if (expression == QLatin1String("site.baseurl") || expression == QLatin1String("site.url")) {
                continue;  // the course root: root-relative links then resolve inside the course
            } else if (expression.startsWith(QLatin1String("site."))) {
                const QString key = expression.mid(5);
                if (context.site.contains(key))
                    out += context.site.value(key).toString();
                else
                    warn(m.capturedStart(), QStringLiteral("{{ %1 }} is not set in _config.yml; left empty").arg(expression));
            } else if (expression.startsWith(QLatin1String("page."))) {
                out += context.page.value(expression.mid(5)).toString();
            } else {
                warn(m.capturedStart(), QStringLiteral("Liquid value {{ %1 }} is not supported; removed").arg(expression));
            }
            continue;
        }
        const QString tag = m.captured(2);
        if (tag == QLatin1String("raw") || tag == QLatin1String("comment")) {
            const QString endTag = QStringLiteral("end") + tag;
            static const QRegularExpression endRaw(QStringLiteral("\\{%-?\\s*endraw\\s*-?%\\}"));
            static const QRegularExpression endComment(QStringLiteral("\\{%-?\\s*endcomment\\s*-?%\\}"));
            const QRegularExpressionMatch end = (tag == QLatin1String("raw") ? endRaw : endComment).match(text, pos);
            const qsizetype innerEnd = end.hasMatch() ? end.capturedStart() : text.size();
            if (!end.hasMatch())
                warn(m.capturedStart(), QStringLiteral("{% %1 %} has no {% %2 %}").arg(tag, endTag));
            if (tag == QLatin1String("raw"))
                out += QStringView(text).mid(pos, innerEnd - pos);
            pos = end.hasMatch() ? end.capturedEnd() : text.size();
        } else if (tag == QLatin1String("include")) {
            const QString name = m.captured(3).section(QLatin1Char(' '), 0, 0);
            // Through the course's file gate: no "..", no absolute path, no symbolic link leading out.
            const QString path = CourseFileResolver(context.courseRoot).resolve(QStringLiteral("_includes/") + name);
            QFile file(path);
            if (!path.isEmpty() && depth < kMaxIncludeDepth && file.open(QIODevice::ReadOnly)) {
                LiquidProcessor::Context included = context;
                included.file = QStringLiteral("_includes/") + name;
                included.firstLine = 1;
                out += processAt(TextDecoder::decode(file.readAll()).text, included, diagnostics, depth + 1);
            } else {
                warn(m.capturedStart(), QStringLiteral("{% include %1 %}: no such file in _includes; nothing inserted").arg(name));
            }
        } else if (!tag.startsWith(QLatin1String("end"))) {
            warn(m.capturedStart(), QStringLiteral("Liquid tag {% %1 %} is not supported; removed").arg(tag));
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
    return processAt(text, context, diagnostics, 0);
}
