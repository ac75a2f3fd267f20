#include "CodeBlockHtml.h"

#include <QHash>
#include <QRegularExpression>

namespace {
QString literal(const QString &code)
{
    QString out;
    out.reserve(code.size() + code.size() / 8);
    for (const QChar c : code) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '{': case '}': case '[': case ']': case '`': case '~':
            out += QStringLiteral("&#%1;").arg(c.unicode());
            break;
        default: out += c;
        }
    }
    return out;
}
}  // namespace

QString CodeBlockHtml::languageLabel(const QString &language)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("yaml"), QStringLiteral("YAML")},       {QStringLiteral("yml"), QStringLiteral("YAML")},
        {QStringLiteral("html"), QStringLiteral("HTML")},       {QStringLiteral("xml"), QStringLiteral("XML")},
        {QStringLiteral("css"), QStringLiteral("CSS")},         {QStringLiteral("scss"), QStringLiteral("SCSS")},
        {QStringLiteral("js"), QStringLiteral("JavaScript")},   {QStringLiteral("javascript"), QStringLiteral("JavaScript")},
        {QStringLiteral("json"), QStringLiteral("JSON")},       {QStringLiteral("md"), QStringLiteral("Markdown")},
        {QStringLiteral("markdown"), QStringLiteral("Markdown")}, {QStringLiteral("liquid"), QStringLiteral("Liquid")},
        {QStringLiteral("sh"), QStringLiteral("Shell")},        {QStringLiteral("bash"), QStringLiteral("Shell")},
        {QStringLiteral("shell"), QStringLiteral("Shell")},     {QStringLiteral("console"), QStringLiteral("Shell")},
        {QStringLiteral("python"), QStringLiteral("Python")},   {QStringLiteral("py"), QStringLiteral("Python")},
        {QStringLiteral("ruby"), QStringLiteral("Ruby")},       {QStringLiteral("rb"), QStringLiteral("Ruby")},
        {QStringLiteral("text"), QStringLiteral("Text")},       {QStringLiteral("plaintext"), QStringLiteral("Text")},
        {QStringLiteral("sql"), QStringLiteral("SQL")},         {QStringLiteral("php"), QStringLiteral("PHP")},
    };
    return names.value(language.toLower(), language);
}

QString CodeBlockHtml::block(const QString &language, const QString &code)
{
    // Jekyll drops the line breaks that open and close the block, not its indentation.
    static const QRegularExpression edgeBreaks(QStringLiteral("^[\\r\\n]+|[\\r\\n]+$"));
    // Rouge's lexer names: anything else in a class is not a language.
    static const QRegularExpression lexerName(QStringLiteral("^[\\w+#.-]{1,40}$"));
    QString trimmed = code;
    trimmed.remove(edgeBreaks);
    const bool named = lexerName.match(language).hasMatch();
    QString html = QStringLiteral("<div class=\"code-block\">");
    if (!language.isEmpty())
        html += QStringLiteral("<div class=\"code-language\">%1</div>").arg(literal(languageLabel(language)));
    html += named ? QStringLiteral("<pre><code class=\"language-%1\">").arg(language.toLower()) : QStringLiteral("<pre><code>");
    return html + literal(trimmed) + QStringLiteral("</code></pre></div>");
}
