#pragma once

#include "ActivitySpec.h"

#include <QVector>

class HtmlDom;
struct CoursePage;

// Finds the workbook parts of a rendered page (docs/course-format.md section 4), describes
// each as an ActivitySpec, and puts a card where each activity stands so the reader
// can open its editor from the page.
namespace ActivityDetector {
QVector<ActivitySpec> detect(HtmlDom &dom, const CoursePage &page);

// "😀 😐 🙁", "yes / no / maybe": the alternatives of a rating cell, else empty.
QStringList ratingChoices(const QString &cellText);
}  // namespace ActivityDetector
