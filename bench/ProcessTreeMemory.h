#pragma once

#include <QtGlobal>

// The memory a process and every process below it use (Qt WebEngine's zygote, renderer and
// GPU processes): the sum of their proportional set sizes from /proc/PID/smaps_rollup, so a
// page shared between them is counted once, split among them.
namespace ProcessTreeMemory {
// In kB; 0 when the process is gone or /proc cannot be read.
qint64 pssKb(qint64 pid);
}  // namespace ProcessTreeMemory
