#pragma once

#include <QString>
#include <QVariantMap>

// Jekyll front matter: YAML between a first line "---" and a closing "---" or "...".
class FrontMatter
{
public:
    QVariantMap values;
    QString body;        // the text after the closing line (all of it when there is none)
    int bodyLine = 1;    // 1-based line of the source on which `body` starts
    QString error;       // the YAML did not parse (values is then empty)
    int errorLine = 0;   // 1-based line in the source file

    static FrontMatter split(const QString &text);
};
