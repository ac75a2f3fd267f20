#pragma once

#include <QString>
#include <QVector>

// A rendered page as the search index keeps it: its text cut at each heading, so a match
// knows the heading nearest to it.
struct SearchablePage {
    struct Section {
        QString anchor;    // the heading's id; "" for the text before the first heading
        QString headings;  // the heading's text (and that of headings without an id of their own)
        QString text;
    };
    QVector<Section> sections;  // in page order, at least one

    // Sections of the page's body HTML; text beyond `maxCharacters` in all is left out, so a
    // huge page costs the index no more than a long one.
    static SearchablePage fromHtml(const QString &bodyHtml, int maxCharacters);
};
