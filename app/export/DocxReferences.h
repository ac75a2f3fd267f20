#pragma once

#include "DocxPicture.h"

#include <QStringList>
#include <QVector>

#include <memory>

// What document.xml refers to outside itself, by the relationship ids and numbering ids it
// writes: document.xml.rels, numbering.xml and the media in the package follow from it.
struct DocxReferences {
    QStringList links;                                         // external hyperlinks, in order
    QVector<std::shared_ptr<const DocxPicture>> pictures;  // word/media/image<n>, in order
    int orderedLists = 0;                                      // w:num ids after the bullet list's

    static QString linkId(qsizetype index) { return QStringLiteral("rIdLink%1").arg(index + 1); }
    static QString pictureId(qsizetype index) { return QStringLiteral("rIdImage%1").arg(index + 1); }
    // Relative to word/, as document.xml.rels names it.
    QString pictureFileName(qsizetype index) const
    {
        return QStringLiteral("media/image%1.%2").arg(index + 1).arg(pictures[index]->extension);
    }
};
