#pragma once

#include <QString>
#include <QStringList>

// Tests of what a learner meets without permission (a read-only answers folder, an
// unreadable course) prove nothing as root, who reads and writes anything; and CI runs as
// root. So, as root, such a test runs itself again without the capabilities that let root
// past file permissions (setpriv drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER),
// and passes only when that run passes: it never skips. Staying root keeps the checkout
// reachable wherever it is, a private 0700 temporary folder included.
class UnprivilegedRun
{
public:
    // True when the test must run again: this process can bypass file permissions.
    static bool needed();
    // Runs the current test function (and data row) of this executable without that bypass,
    // in a home and TMPDIR of its own; empty when it ran and passed, else why not, with its output.
    static QString runCurrentTest();
};

// At the top of a test function (after its QFETCHes): as root, the rest of the function runs
// in the unprivileged child instead, and its outcome is this test's. A macro because QVERIFY2
// has to return from the test function itself.
#define RUN_UNPRIVILEGED_WHEN_ROOT()                                            \
    do {                                                                        \
        if (UnprivilegedRun::needed()) {                                        \
            const QString unprivilegedFailure = UnprivilegedRun::runCurrentTest(); \
            QVERIFY2(unprivilegedFailure.isEmpty(), qPrintable(unprivilegedFailure)); \
            return;                                                             \
        }                                                                       \
    } while (false)
