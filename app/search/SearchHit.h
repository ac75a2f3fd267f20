#pragma once

#include <QMetaType>
#include <QString>

// One thing the learner's search found: a page of the course, one of their answers or one of
// their notes, with what the results list shows and where opening it goes.
struct SearchHit {
    enum class Kind { Page, Answer, Note };

    // The marks around each matched word in `snippet` (Unicode private use, never in course text
    // the index keeps: SearchIndex strips them), so a view can emphasise them however it draws.
    static constexpr QChar kMatchStart = QChar(0xE000);
    static constexpr QChar kMatchEnd = QChar(0xE001);

    Kind kind = Kind::Page;
    QString pageId;      // the page to open (for an answer: the page holding the activity)
    QString activityId;  // Answer only
    QString anchor;      // Page: the id of the heading over the part that best matches, "" if none (the top)
    QString title;       // the page's title
    QString moduleId, moduleTitle;  // for grouping ("" for the course home)
    QString snippet;     // plain text with the matched words wrapped in kMatchStart ... kMatchEnd (never HTML)
    double rank = 0;     // bm25, lower is better

    static QString kindName(Kind kind);  // "page", "answer", "note"
};

Q_DECLARE_METATYPE(SearchHit)
