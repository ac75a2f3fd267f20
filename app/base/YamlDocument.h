#pragma once

#include <QString>
#include <QVariant>

// YAML (front matter, course.yml, _config.yml) parsed with yaml-cpp into Qt values:
// maps become QVariantMap, sequences QVariantList, scalars QString ("true"/"false"
// stay strings; callers read them with isTrue()).
//
// A course is untrusted input, so parsing is bounded: text over kMaxBytes, an alias inside
// the value it names (a cycle), more than kMaxValues values after aliases expand (an alias
// bomb) or nesting deeper than kMaxDepth is refused with an error, never followed.
namespace YamlDocument {
struct Result {
    QVariant value;
    QString error;  // empty when the text parsed
    int errorLine = 0;  // 1-based line of the problem within the text
};

inline constexpr int kMaxValues = 100000;  // scalars, lists and maps, each alias counted expanded
inline constexpr int kMaxDepth = 64;  // lists and maps inside each other
// yaml-cpp reads a flow collection ([...], {...}) whole before its first value, keeping
// some 150 bytes per item: 10 MB of "[a,a,..." took 1.4 GB and 14 s. Real YAML of a course
// is a few kilobytes.
inline constexpr int kMaxBytes = 512 * 1024;

Result parse(const QString &text);
bool isFalse(const QVariant &value);  // YAML false, no, off
QStringList toStringList(const QVariant &value);  // a list, or a space-separated string
}  // namespace YamlDocument
