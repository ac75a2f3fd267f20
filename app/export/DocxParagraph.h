#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QVector>

#include <memory>

// A picture of a prompt, ready for the package: PNG, JPEG or GIF bytes and its size.
struct DocxPicture {
    QByteArray bytes;
    QString extension;  // "png", "jpeg", "gif"
    QSize pixels;       // at 96 dpi
    QString alt;
};

// A piece of paragraph text with its inline formatting, a line break or a picture.
struct DocxRun {
    QString text;
    std::shared_ptr<const DocxPicture> picture;  // a picture instead of text
    bool bold = false;
    bool italic = false;
    bool code = false;
    bool lineBreak = false;
    QString href;  // external links only: course-internal links mean nothing in a document

    static DocxRun plain(const QString &text)
    {
        DocxRun run;
        run.text = text;
        return run;
    }
};

// One w:p: its runs and the properties the document gives it.
struct DocxParagraph {
    static constexpr int kBulletList = 1;        // the w:numId every bullet list shares
    static constexpr int kFirstOrderedList = 2;  // each ordered list gets its own w:numId so it restarts at 1
    static constexpr int kMaxListLevel = 5;

    QVector<DocxRun> runs;
    QString style;          // a paragraph style of styles.xml, empty for Normal
    int numId = 0;          // list numbering, 0 for none
    int level = 0;          // list level of a numbered paragraph
    int indent = 0;         // list depth of a later paragraph in a list item, which gets no marker
    bool keepNext = false;  // on the page of the next paragraph or table row
};
