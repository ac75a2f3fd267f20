#pragma once

#include "Diagnostic.h"

class RenderDependencies;

#include <QString>
#include <QVariantMap>

// The Liquid that Jekyll course pages use (docs/course-format.md section 2): site variables,
// {% raw %}, {% include %}, {% highlight %} (a code block, see CodeBlockHtml), {% comment %}
// (hidden), {% link %} and {% post_url %} (addresses the renderer resolves like any link);
// every other tag is dropped with a warning, never shown as text.
// Hostile pages stay cheap: includes are read through the course's path jail
// (CourseFileReader), and what one page may insert is bounded (kMaxIncludes and
// kMaxInsertedCharacters); past that, nothing more is inserted and one warning says so.
namespace LiquidProcessor {
struct Context {
    QVariantMap site;        // _config.yml
    QVariantMap page;        // the page's front matter
    QString courseRoot;      // canonical course folder; includes come from its _includes
    QString file;            // for diagnostics, relative to the course root
    int firstLine = 1;       // source line of the text's first line
    RenderDependencies *dependencies = nullptr;  // told each include read, when given
};

constexpr int kMaxIncludeDepth = 4;
constexpr int kMaxIncludes = 200;                        // per page, at any depth
constexpr qsizetype kMaxInsertedCharacters = 4'000'000;  // includes and {{ values }} per page
constexpr int kMaxWarnings = 100;                        // per page; then one "and more"

QString process(const QString &text, const Context &context, Diagnostics *diagnostics);
}  // namespace LiquidProcessor
