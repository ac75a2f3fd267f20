#pragma once

#include <QString>

// The HTML of Jekyll's {% highlight LANG %} block (docs/course-format.md section 2): the code
// shown literally in <pre><code>, under a visible label naming its language ("YAML").
// Liquid writes it before Markdown runs, so the block is a <div> that MarkdownConverter keeps
// whole, and every character Markdown or its kramdown passes would read ("[[", "{:", a
// fence) is written as a character reference: the code reaches the page as it was typed.
namespace CodeBlockHtml {
QString block(const QString &language, const QString &code);
QString languageLabel(const QString &language);  // "yaml" -> "YAML"; an unknown name as written
}  // namespace CodeBlockHtml
