#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

// The zip side of a workbook file: a few named members, read with every size bounded
// before anything is inflated, so a hostile file (a zip bomb, a thousand members, a name
// climbing out with "../", a name that is not UTF-8) is refused rather than unpacked.
namespace WorkbookZip {
inline constexpr int kMaxMembers = 16;
// Each member is JSON a person's answers became: far below this.
inline constexpr qint64 kMaxMemberBytes = 16 * 1024 * 1024;
// The whole file, read into memory before the zip is opened.
inline constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// A zip of `members` (name -> contents), deflated; false + *error.
bool write(const QMap<QString, QByteArray> &members, QByteArray *zip, QString *error);
// The members of `zip`; false + *error (a reason for the learner) when it is not a zip or
// any member is unsafe or too large.
bool read(const QByteArray &zip, QMap<QString, QByteArray> *members, QString *error);
}  // namespace WorkbookZip
