#include "FrontMatter.h"

#include "YamlDocument.h"

FrontMatter FrontMatter::split(const QString &text)
{
    FrontMatter result;
    result.body = text;
    if (!text.startsWith(QLatin1String("---")))
        return result;
    const qsizetype firstEnd = text.indexOf(QLatin1Char('\n'));
    if (firstEnd < 0 || text.left(firstEnd).trimmed() != QLatin1String("---"))
        return result;

    qsizetype lineStart = firstEnd + 1;
    int line = 2;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QString content = text.mid(lineStart, lineEnd - lineStart).trimmed();
        if (content == QLatin1String("---") || content == QLatin1String("...")) {
            const YamlDocument::Result yaml = YamlDocument::parse(text.mid(firstEnd + 1, lineStart - firstEnd - 1));
            if (!yaml.error.isEmpty()) {
                result.error = yaml.error;
                result.errorLine = 1 + yaml.errorLine;
            } else if (yaml.value.typeId() == QMetaType::QVariantMap) {
                result.values = yaml.value.toMap();
            } else if (yaml.value.isValid()) {
                result.error = QStringLiteral("front matter is not a list of key: value pairs");
                result.errorLine = 2;
            }
            result.body = text.mid(qMin(lineEnd + 1, text.size()));
            result.bodyLine = line + 1;
            return result;
        }
        lineStart = lineEnd + 1;
        ++line;
    }
    // No closing line: Jekyll would treat the file as having no front matter.
    return result;
}
