#pragma once

#include <QString>

// One slide of a presentation: a page's title slide, or a part of one of its `##` sections.
// Built by SlideDeck from a rendered page; drawn by SlideDocument.
struct Slide {
    enum class Kind {
        Title,    // the page's title (and the module's, small)
        Content,  // a section, or the part of one that fits a screen
        Activity  // a section holding an activity: its prompt and its grid
    };
    Kind kind = Kind::Content;
    QString moduleId;
    QString moduleTitle;
    QString pageId;
    QString pageTitle;
    QString heading;         // the section's heading as plain text; the page title on a title slide
    bool continued = false;  // a later part of a section too long for one screen
    QString bodyHtml;        // the slide's blocks, sanitized page HTML without facilitator notes
    QString notesHtml;       // the page's facilitator-notes blocks (the same on every slide of a page)
    QString activityId;      // Activity: the activity whose grid the slide shows
    // Activity: the rows of the grid's body this slide shows, when the grid is too tall for
    // one slide (its header rows are on each); a count of -1 runs to the end, rows added live too.
    int gridFirstRow = 0;
    int gridRowCount = -1;

    bool operator==(const Slide &) const = default;
};
