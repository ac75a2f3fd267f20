#pragma once

#include "DocxPicture.h"

#include <QString>

#include <memory>

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
