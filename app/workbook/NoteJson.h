#pragma once

#include "Bookmark.h"
#include "Note.h"

#include <QJsonArray>
#include <QString>
#include <QVector>

// The "notes" and "bookmarks" lists of a version 3 answers file (AnswerJson):
// "notes": [{"page": ID, "text": TEXT, "updated": ISO-8601}], each page's current note only
// (its history stays on the computer where it was written, as an answer's does);
// "bookmarks": [{"page": ID, "anchor": HEADING-ID or "", "title": TEXT, "created": ISO-8601}].
namespace NoteJson {

QJsonArray writeNotes(const QVector<Note> &notes);              // sorted by page id
QJsonArray writeBookmarks(const QVector<Bookmark> &bookmarks);  // sorted by page, then anchor
// False + *error naming where and what ("notes[2].updated ..."); the output untouched then.
bool readNotes(const QJsonValue &list, QVector<Note> *notes, QString *error);
bool readBookmarks(const QJsonValue &list, QVector<Bookmark> *bookmarks, QString *error);

}  // namespace NoteJson
