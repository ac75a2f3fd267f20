#pragma once

#include "DocxReferences.h"

#include <QPageSize>

struct ExportDocument;

// word/document.xml: the title, learner and scope, then for each activity its module, page
// and activity headings, its prompt and its answer (text, a KWL chart or a worksheet table;
// ruled lines and empty rows to write in when there is none), and the page setup.
namespace DocxDocumentPart {

// The part, and in *references what it refers to outside itself.
QByteArray xml(const ExportDocument &doc, QPageSize::PageSizeId size, DocxReferences *references);

}  // namespace DocxDocumentPart
