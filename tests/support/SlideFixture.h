#pragma once

#include "Slide.h"

#include <QByteArray>
#include <QString>
#include <QVector>

// What the slide deck suites share: the text a reader sees on slides, Markdown long enough to
// split, and a deck described for a failure message.
namespace SlideFixture {
// An HTML fragment's text as a reader sees it once: without a table header drawn again on a
// later part of the table, `##` headings (a slide shows them as its heading), notes and cards.
QString textOf(const QString &html);
// The text of every slide's body, in order.
QString bodiesText(const QVector<Slide> &slides);
// `count` paragraphs of `sentences` numbered sentences each ("P3 sentence 2 says ..."), every
// sentence ending in "teens.".
QString paragraphs(int count, int sentences);
// Each slide's kind, heading and the start of its body.
QByteArray describe(const QVector<Slide> &slides);
}  // namespace SlideFixture
