#pragma once

// Milliseconds since this process started, from the kernel's record of its start time
// (so dynamic loading before main() is counted too); -1 where that is not available.
namespace ProcessClock {
double millisecondsSinceStart();
}  // namespace ProcessClock
