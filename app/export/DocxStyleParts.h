#pragma once

#include <QByteArray>

// The formatting document.xml names by id: its paragraph, character and table styles
// (styles.xml) and its list numbering (numbering.xml).
namespace DocxStyleParts {

// Headings, labels and ruled lines keep with what follows them, so a page never ends on one.
QByteArray styles();

// Bullets (w:numId DocxParagraph::kBulletList), then `orderedLists` numbered lists that
// each restart at 1.
QByteArray numbering(int orderedLists);

}  // namespace DocxStyleParts
