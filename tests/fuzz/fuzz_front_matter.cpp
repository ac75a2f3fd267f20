// Fuzzes what reads a course's YAML: a page's front matter (FrontMatter::split) and a whole
// YAML file (_config.yml, _data/course.yml) through YamlDocument::parse, the input's bytes
// decoded as the loader decodes a file. Besides crashes, it checks YamlDocument's promises:
// an error has a line and no value; a value stays within the value and depth limits.
#include "FrontMatter.h"
#include "FuzzQuietMessages.h"
#include "TextDecoder.h"
#include "YamlDocument.h"

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {
// Counts values the way YamlDocument does; stops counting past the limit (a shared alias
// copy is walked again each time it is reached, as a caller would).
void measure(const QVariant &value, int depth, int *values, int *maxDepth)
{
    if (++*values > YamlDocument::kMaxValues)
        return;
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
        *maxDepth = std::max(*maxDepth, depth + 1);
    if (value.typeId() == QMetaType::QVariantList) {
        for (const QVariant &item : value.toList())
            measure(item, depth + 1, values, maxDepth);
    } else if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        for (auto entry = map.cbegin(); entry != map.cend(); ++entry) {
            ++*values;  // its key
            measure(entry.value(), depth + 1, values, maxDepth);
        }
    }
}

void checkYaml(const QString &text)
{
    const YamlDocument::Result yaml = YamlDocument::parse(text);
    if (!yaml.error.isEmpty()) {
        if (yaml.errorLine < 1 || yaml.value.isValid())
            qFatal("YamlDocument: error \"%s\" at line %d, with a value", qPrintable(yaml.error), yaml.errorLine);
        return;
    }
    int values = 0;
    int depth = 0;
    measure(yaml.value, 0, &values, &depth);
    if (values > YamlDocument::kMaxValues || depth > YamlDocument::kMaxDepth)
        qFatal("YamlDocument: accepted %d+ values, %d levels deep", values, depth);
    YamlDocument::toStringList(yaml.value.toMap().value(QStringLiteral("tags")));
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzQuietMessages::install();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = TextDecoder::decode(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size))).text;
    const FrontMatter front = FrontMatter::split(text);
    if (!front.error.isEmpty() && (front.errorLine < 2 || !front.values.isEmpty()))
        qFatal("FrontMatter: error \"%s\" at line %d, with values", qPrintable(front.error), front.errorLine);
    checkYaml(text);
    return 0;
}
