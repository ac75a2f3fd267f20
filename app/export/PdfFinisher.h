#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

// Finishes a PDF printed by Qt WebEngine, with qpdf: draws a second printed PDF (the page
// chrome: running header and page numbers) over it page by page, builds the document
// outline (bookmarks) from its named destinations, and fills in the document properties.
//
// Why a second pass: Chromium 102, under Qt 6.4, has neither a header/footer template nor
// CSS page-margin boxes, and writes no outline. It does write a named destination for every
// element that a link on the page points to, which gives each bookmark its page and place.
class PdfFinisher
{
public:
    struct OutlineEntry {
        QString title;
        QByteArray destination;  // a named destination of the content PDF (an element id)
        int level = 0;           // 0 for the top level; an entry nests under the last shallower one
    };

    struct Properties {
        QString title;
        QString author;
        QString subject;
    };

    // The number of pages, or -1 with *error when the data is not a readable PDF.
    static int pageCount(const QByteArray &pdf, QString *error);

    // The finished PDF, or an empty array with *error. `chrome` must have as many pages as
    // `content`, of the same size. An entry whose destination is missing goes to page 1.
    static QByteArray finish(const QByteArray &content, const QByteArray &chrome,
                             const QVector<OutlineEntry> &outline, const Properties &properties, QString *error);
};
