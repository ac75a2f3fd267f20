#pragma once

#include <QLocale>
#include <QPageSize>

// The paper a learner's printer most likely holds: Letter in the Americas and the
// Philippines, A4 elsewhere. Both exporters start from it; the learner can change it.
namespace PaperSize {
QPageSize::PageSizeId forTerritory(QLocale::Territory territory);
QPageSize::PageSizeId forThisComputer();
}
