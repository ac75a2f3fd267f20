#pragma once

#include "Answer.h"
#include "ReadingSettings.h"
#include "SlideDeck.h"

#include <QHash>
#include <optional>

// A whole deck as one HTML document, loaded once, so that changing slides never waits for
// a page load: every slide is a <section class="slide" id="slide-N">, only the current one
// shown; laid out for a wall (large type scaled to the screen, no navigation chrome, the
// module title and "n / m" small in a corner). It runs no script of its own: the app drives
// it from Qt WebEngine's ApplicationWorld with controlScript()'s functions.
namespace SlideDocument {
struct Options {
    QString theme = QStringLiteral("light");  // light | sepia | dark | high-contrast
    ReadingSettings reading;                  // font, italics, links: ReadingCss::slides()
    double zoom = 1.0;                        // the room's zoom: scales every slide's type
    // The grids shown filled on activity slides, by activity id: a group grid, or the
    // facilitator's own answers when "Show my answers" is on. An activity not here shows
    // its empty grid: no answer text reaches the document unless it is passed here.
    QHash<QString, Answer> gridAnswers;
    QHash<QString, ActivitySpec> activities;  // by id: what an activity slide's grid looks like
    bool print = false;       // a handout: every slide shown, one per printed page
    bool withNotes = false;   // print: the facilitator notes under each slide
    QString lang = QStringLiteral("en");  // the course's language, for the document
};

QString html(const SlideDeck &deck, const Options &options);

// An activity's grid as HTML: a KWL's three columns, a worksheet's table (fixed cells kept),
// a reflection's empty box; filled from answer when there is one.
QString gridHtml(const ActivitySpec &spec, const std::optional<Answer> &answer);

// JavaScript for the ApplicationWorld, run once after each load; it defines
// window.coursebookSlides with:
//   show(n)                  the slide n (0-based) and nothing else; returns n
//   blank(kind)              "black", "white" or "" (back to the slide)
//   overview(on, selected)   a grid of every slide's title to pick from, one highlighted
//   setGrid(activityId, html) replaces that activity's grid (a group grid typed live)
//   countdown(text)          an activity timer in the corner; "" hides it
//   current()                the slide showing
//   count()                  how many slides the document holds
//   cardAt(x, y)             the overview card at a point of the view (a click), or -1
// A slide whose content comes out taller than the budget estimated is shrunk a little when
// shown (to 0.8 at most), so nothing is cut off.
QString controlScript();
}  // namespace SlideDocument
