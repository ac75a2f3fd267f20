#pragma once

#include "Diagnostic.h"

#include <QString>
#include <QVariantMap>

// The Liquid that Jekyll course pages use (docs/course-format.md section 2): site variables,
// {% raw %}, {% include %}; every other tag is dropped with a warning, never shown as text.
class LiquidProcessor
{
public:
    struct Context {
        QVariantMap site;        // _config.yml
        QVariantMap page;        // the page's front matter
        QString courseRoot;      // canonical course folder; includes come from its _includes
        QString file;            // for diagnostics, relative to the course root
        int firstLine = 1;       // source line of the text's first line
    };

    static QString process(const QString &text, const Context &context, Diagnostics *diagnostics);
};
