#include "YamlDocument.h"

#include <yaml-cpp/yaml.h>

namespace {
QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &entry : node)
            map.insert(QString::fromStdString(entry.first.as<std::string>()), toVariant(entry.second));
        return map;
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const auto &item : node)
            list.append(toVariant(item));
        return list;
    }
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QVariant();
}
}  // namespace

YamlDocument::Result YamlDocument::parse(const QString &text)
{
    Result result;
    try {
        result.value = toVariant(YAML::Load(text.toStdString()));
    } catch (const YAML::Exception &e) {
        result.error = QString::fromStdString(e.msg);
        result.errorLine = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    }
    return result;
}

bool YamlDocument::isFalse(const QVariant &value)
{
    const QString text = value.toString().trimmed().toLower();
    return text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("off");
}

QStringList YamlDocument::toStringList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList list;
        for (const QVariant &item : value.toList())
            list << item.toString().trimmed();
        return list;
    }
    return value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
