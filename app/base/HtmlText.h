#pragma once

#include <QString>

// Text from HTML fragments (titles in front matter are HTML): entities decoded, tags
// dropped, white space collapsed. Uses libxml2's HTML parser, which knows every entity.
namespace HtmlText {
QString toPlainText(const QString &htmlFragment);
}  // namespace HtmlText
