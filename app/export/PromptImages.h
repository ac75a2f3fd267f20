#pragma once

#include <QString>

// Makes an activity prompt's course images part of the prompt, for exporters that must
// not reach back into the course folder (the PDF is printed in a profile of its own; the
// DOCX embeds its pictures): every course:/file/ image source becomes a data: URL, read
// through CourseFileResolver. An image that cannot be read becomes its alt text.
namespace PromptImages {
QString inlined(const QString &promptHtml, const QString &courseRoot);

// Images larger than this stay out of exports (their alt text stands in).
inline constexpr qint64 maxBytes = 8 * 1024 * 1024;
}  // namespace PromptImages
