#pragma once

#include "ActivitySpec.h"
#include "Diagnostic.h"
#include "RenderDependencies.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

// Rendered page bodies kept for as long as what they were made from reads the same, so a
// course renders once, not at every start and every --list (PageRenderer asks it first).
// In memory for the process (bounded; revisits and the many renderers of one run share it)
// and on disk in the cache folder (RenderedPageDatabase: an entry per page, so a run reads only
// the pages it asks for and a page edited rewrites only its own). An entry is found only under the stamp
// of the page and course as they are now; its dependencies are checked by the caller.
namespace RenderedPageCache {
struct Entry {
    QByteArray stamp;  // PageRenderer's: the program, the course's settings and pages, this page
    RenderDependencies dependencies;
    QString bodyHtml;
    QVector<ActivitySpec> activities;
    Diagnostics diagnostics;
};

std::optional<Entry> find(const QString &courseRoot, const QString &pageId, const QByteArray &stamp);
// Kept in memory at once, written to disk by a thread of its own, in batches.
void store(const QString &courseRoot, const QString &pageId, const Entry &entry);
void waitForWrites();  // until every entry stored so far is on disk
// A 128-bit digest of `bytes`, fast (Qt's seeded hash twice): a stamp, or a name for a file.
QByteArray digest(QByteArrayView bytes);
// The running program's own mark: a Coursebook built anew renders anew.
QByteArray programStamp();
}  // namespace RenderedPageCache
