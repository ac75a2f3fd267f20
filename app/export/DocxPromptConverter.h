#pragma once

#include "DocxParagraph.h"

#include <libxml/tree.h>

// A prompt's HTML as Word paragraphs: blocks become paragraphs, list items numbered or
// bulleted ones, <br> line breaks; emphasis, code and external links become run formatting
// (a <pre> block is code, line for line)
// and pictures (data: URLs, see PromptImages) inline pictures. What Word cannot show
// (scripts, course-internal links) is dropped; a picture it cannot show leaves its alt text.
class DocxPromptConverter
{
public:
    // The prompt's paragraphs, none empty. Each ordered list takes the next w:numId from
    // DocxParagraph::kFirstOrderedList, counting over every prompt this converter converts.
    QVector<DocxParagraph> paragraphs(const QString &html);

    // How many ordered lists the prompts so far held: numbering.xml defines one w:num each.
    int orderedLists() const { return m_orderedLists; }

private:
    void walk(xmlNodePtr node, const DocxRun &format);
    DocxParagraph &currentParagraph();
    void closeParagraph() { m_open = false; }
    void appendText(QString text, const DocxRun &format);

    int m_orderedLists = 0;
    // State of the walk over one prompt.
    QVector<DocxParagraph> m_paragraphs;
    bool m_open = false;          // the last paragraph still takes inline content
    bool m_itemStarting = false;  // the next paragraph is the first of a list item: it gets the marker
    QVector<int> m_lists;         // numIds of the lists the walk is in, innermost last
    bool m_preformatted = false;  // inside <pre>: code keeps its spaces and line breaks
};
