#pragma once

#include "DocxParagraph.h"
#include "DocxReferences.h"

class QXmlStreamWriter;

// The WordprocessingML of a document's body: runs, links, pictures, paragraphs, ruled
// lines to write on, and tables. It collects the links and pictures it writes, which the
// package's relationships and media must then hold.
class DocxBodyWriter
{
public:
    struct Cell {
        QString text;
        bool header = false;
        bool shaded = false;
        bool bold = false;
    };

    explicit DocxBodyWriter(QXmlStreamWriter &x) : m_x(x) {}

    void run(const DocxRun &run);
    void paragraph(const DocxParagraph &paragraph);
    void textParagraph(const QString &style, const QString &text, bool bold = false);
    // The learner's text, a paragraph a line (blank lines only separate); when there is
    // none, `ruledLinesIfEmpty` lines to write on by hand.
    void learnerText(const QString &text, int ruledLinesIfEmpty);
    void ruledLines(int count);

    void startTable(int columns);
    void headerRow(const QStringList &titles);
    // `minHeight` (twips, 0 for none) leaves room to write by hand.
    void tableRow(const QVector<Cell> &cells, int minHeight);
    void endTable();

    // Links and pictures written so far (orderedLists is not the writer's to know).
    const DocxReferences &references() const { return m_references; }

private:
    void runs(const QVector<DocxRun> &runs);
    void picture(const std::shared_ptr<const DocxPicture> &picture);
    void paragraphProperties(const DocxParagraph &paragraph, bool rightToLeft);

    QXmlStreamWriter &m_x;
    DocxReferences m_references;
};
