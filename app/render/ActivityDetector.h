#pragma once

#include "ActivitySpec.h"

#include <QVector>

class HtmlDom;
class KwlRevisitInference;
struct CoursePage;

// Finds the workbook parts of a rendered page (docs/course-format.md section 4), describes
// each as an ActivitySpec, and puts a card where each activity stands so the reader
// can open its editor from the page. A block that asks to go back to the module's KWL
// becomes a revisit of the one `kwlReturns` finds, and the page's KWLs are fed to it.
namespace ActivityDetector {
QVector<ActivitySpec> detect(HtmlDom &dom, const CoursePage &page, KwlRevisitInference &kwlReturns);

// "😀 😐 🙁", "yes / no / maybe": the alternatives of a rating cell, else empty.
QStringList ratingChoices(const QString &cellText);
}  // namespace ActivityDetector
