#pragma once

// Drops the libraries' debug and warning output, which would slow the fuzzer and bury what
// it reports; fatal messages (a broken invariant) still print before the abort.
namespace FuzzQuietMessages {
void install();
}  // namespace FuzzQuietMessages
