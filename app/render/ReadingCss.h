#pragma once

#include "ReadingSettings.h"

// The style sheets that apply ReadingSettings: appended after the page's (and the slides',
// and the printed worksheet's) own, so that they win. Only numbers and fixed names go in,
// so nothing here can close the <style> element it is put in.
namespace ReadingCss {
// The CSS font-family list of a font choice.
QString fontFamily(ReadingSettings::Font font);
// The bundled OpenDyslexic files, as Qt resource paths (for QFontDatabase in the widgets).
QStringList bundledFontFiles();
// The bundled OpenDyslexic faces, from app resources. A page reads them from the app's own
// course:/app/ URLs (never from outside the course folder); the printed worksheet, which
// fetches nothing, carries them as data: URLs.
QString fontFaces(bool embedded);

// The reading view: text size (reflowing, on top of the page's own), font, spacing, line
// length, no italics, underlined links.
QString page(const ReadingSettings &settings);
// Slides: font, no italics, underlined links. Not size or spacing: the slide budget measures
// text at the room's size and line height, and would overfill slides otherwise.
QString slides(const ReadingSettings &settings);
// The printed worksheet: font, text size and line spacing relative to its own 11 pt and 1.4.
QString worksheet(const ReadingSettings &settings);
}  // namespace ReadingCss
