#pragma once

#include "EmbedCard.h"

class HtmlDom;
struct _xmlNode;

// An EmbedCard as the page shows it (docs/course-format.md section 3): a <figure> with an icon,
// what the thing is, its title, duration, credit and host, a note, and the link that opens it,
// in the place of the element it stands for (an <iframe>, <video> or <audio>).
namespace EmbedCardElement {
// A video's or sound's card without a title takes the nearest heading before the element, else
// its title attribute, else "Video on <host>"; an interactive one its title attribute. The
// duration (<span class="videotime">) and credit (class "source") that follow the element go
// onto the card.
void replace(HtmlDom &dom, _xmlNode *element, EmbedCard card);
}  // namespace EmbedCardElement
