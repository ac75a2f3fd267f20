#pragma once

#include "AnswerStore.h"

#include <QString>

// What AnswerConnection does with an answers file it must not open for writing: one that
// is damaged or from a newer Coursebook is moved aside, unchanged, for a fresh one.
namespace AnswerFileRecovery {

enum class FileState { Missing, Healthy, Damaged, Newer, Unreadable };

// Checks the file at `path` without changing it; *error says why it is not Healthy or Missing.
FileState inspect(const QString &path, QString *error);
// Renames the file with its -wal and -shm to <path>.<tag>-<time>[-n]: MovedAside, or
// Failed with everything left in place. `reason` (from inspect) goes into the message.
AnswerStore::OpenReport moveAside(const QString &path, const QString &tag, const QString &reason);

}  // namespace AnswerFileRecovery
