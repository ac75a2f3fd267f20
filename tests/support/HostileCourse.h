#pragma once

#include <QString>
#include <QStringList>

// A Course-in-a-Box course made at test time of everything issue 12 found hostile, for the
// end-to-end suites: files git cannot hold (FIFOs, links to devices and out of the course,
// names with a newline or bytes that are not UTF-8) are created here, next to two good
// pages that must always load and render. Outside the course lies a folder whose files
// carry kOutsideMarker: nothing of it may ever show.
namespace HostileCourse {

inline constexpr char kOutsideMarker[] = "OUTSIDE-THE-COURSE-7f3a";
inline constexpr char kGoodMarker[] = "GOOD-PAGE-STILL-HERE";
inline constexpr char kTitle[] = "Hostile Course";

struct Paths {
    QString course;   // the course folder
    QString outside;  // a sibling folder the course links into
};

// Writes the course and its outside folder under `parent`; returns empty paths (and warns)
// when the machine cannot make one of the files.
Paths create(const QString &parent);

// Variants with one broken course-wide file: "course-yml-loop" (_data/course.yml holds a
// self-referring alias), "config-loop" (_config.yml does), "config-link-out" (_config.yml
// is a link to a file outside). Each keeps the two good pages.
Paths createVariant(const QString &parent, const QString &variant);
QStringList variants();

// Page ids (module/slug) of the pages that must load and render whatever else is broken.
QStringList goodPageIds();
// Course files (relative to the course) each of which --check must name.
QStringList badFiles();

}  // namespace HostileCourse
