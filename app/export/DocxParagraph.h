#pragma once

#include "DocxRun.h"

#include <QString>
#include <QVector>

// One w:p: its runs and the properties the document gives it.
struct DocxParagraph {
    static constexpr int kBulletList = 1;        // the w:numId every bullet list shares
    static constexpr int kFirstOrderedList = 2;  // each ordered list gets its own w:numId so it restarts at 1
    static constexpr int kMaxListLevel = 5;

    QVector<DocxRun> runs;
    QString style;          // a paragraph style of styles.xml, empty for Normal
    int numId = 0;          // list numbering, 0 for none
    int level = 0;          // list level of a numbered paragraph
    int indent = 0;         // list depth of a later paragraph in a list item, which gets no marker
    bool keepNext = false;  // on the page of the next paragraph or table row
};
