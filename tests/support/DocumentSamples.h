#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Small but real documents written at test time, byte for byte what the desktop's
// programs open: a one-page PDF, a one-pixel PNG, an OpenDocument text and a Word file.
namespace DocumentSamples {

QByteArray pdf();
QByteArray png();
// A zip of stored (uncompressed) entries, in the given order.
QByteArray zip(const QList<QPair<QString, QByteArray>> &entries);
QByteArray odt();   // "mimetype" first and stored, as the format requires
QByteArray docx();

}  // namespace DocumentSamples
