#pragma once

#include <QString>
#include <QVariant>

// YAML (front matter, course.yml, _config.yml) parsed with yaml-cpp into Qt values:
// maps become QVariantMap, sequences QVariantList, scalars QString ("true"/"false"
// stay strings; callers read them with isTrue()).
class YamlDocument
{
public:
    struct Result {
        QVariant value;
        QString error;  // empty when the text parsed
        int errorLine = 0;  // 1-based line of the problem within the text
    };

    static Result parse(const QString &text);
    static bool isFalse(const QVariant &value);  // YAML false, no, off
    static QStringList toStringList(const QVariant &value);  // a list, or a space-separated string
};
