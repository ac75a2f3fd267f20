#pragma once

#include "Workbook.h"

#include <QByteArray>
#include <QString>

// The .coursebook workbook file (docs/workbook-file.md): a zip of manifest.json,
// answers.json (the portable answers format, AnswerJson), history.json and workshop.json.
// Reading never touches the learner's store; a file that is damaged, hostile, for another
// course or from a newer Coursebook is refused whole, with the reason.
namespace WorkbookFile {
inline constexpr int kVersion = 1;
inline constexpr auto kFormat = "coursebook-workbook";
inline constexpr auto kSuffix = "coursebook";

QByteArray encode(const Workbook &workbook, QString *error);  // empty + *error on failure
bool decode(const QByteArray &bytes, Workbook *workbook, QString *error);

// Writes the file whole or not at all (AtomicFile); *error a reason to follow "cannot write FILE: ".
bool save(const QString &path, const Workbook &workbook, QString *error);
// Reads and checks `path`: a regular file, a sound workbook and, when expectedCourseId is
// not empty, one of that course. *error is the whole message for the learner, naming the file.
bool load(const QString &path, const QString &expectedCourseId, Workbook *workbook, QString *error);

// The owner's name as written, less what could forge text around it (control and bidi
// characters) and surrounding space.
QString cleanOwner(const QString &name);
}  // namespace WorkbookFile
