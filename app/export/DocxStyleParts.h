#pragma once

#include "ReadingSettings.h"

#include <QByteArray>

// The formatting document.xml names by id: its paragraph, character and table styles
// (styles.xml) and its list numbering (numbering.xml).
namespace DocxStyleParts {

// Headings, labels and ruled lines keep with what follows them, so a page never ends on one.
// The body text takes the reading settings' font, size (of 11 pt) and line spacing.
QByteArray styles(const ReadingSettings &reading = {});

// Bullets (w:numId DocxParagraph::kBulletList), then `orderedLists` numbered lists that
// each restart at 1.
QByteArray numbering(int orderedLists);

}  // namespace DocxStyleParts
