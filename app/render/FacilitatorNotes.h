#pragma once

class HtmlDom;

// Facilitator notes: blocks a course keeps for whoever runs a workshop. The page style
// labels each one "Facilitator notes"; many courses also open the block with that title
// in bold, which would show it twice.
namespace FacilitatorNotes {
void dropRepeatedTitle(HtmlDom &dom);
}  // namespace FacilitatorNotes
