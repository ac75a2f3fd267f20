#pragma once

#include <QString>
#include <QStringList>

// Tests of what a learner meets without permission (a read-only answers folder, an
// unreadable course) prove nothing as root, who reads and writes anything; and CI runs as
// root. So, as root, such a test runs itself again as the user nobody (setpriv) and passes
// only when that run passes: it never skips.
//
// The unprivileged run gets a home, TMPDIR and working folder of its own that only it can
// write; before it starts, nobody is checked to be able to run the test binary and read the
// course and the test data, and to be unable to write into the repository.
class UnprivilegedRun
{
public:
    // True when the test must run again unprivileged: this process is root.
    static bool needed();
    // Runs the current test function (and data row) of this executable as nobody; empty when
    // it ran and passed, else why not, with its output. nobody must be able to read the
    // `readable` folders, and unable to write into them or the folders holding them.
    static QString runCurrentTest(const QStringList &readable);
};

// At the top of a test function (after its QFETCHes): as root, the rest of the function runs
// in the unprivileged child instead, and its outcome is this test's. A macro because QVERIFY2
// has to return from the test function itself, and because each suite is given the paths of
// the course and the test data (the support library is not).
#define RUN_UNPRIVILEGED_WHEN_ROOT()                                            \
    do {                                                                        \
        if (UnprivilegedRun::needed()) {                                        \
            const QString unprivilegedFailure = UnprivilegedRun::runCurrentTest(   \
                {QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral(TESTDATA_DIR)}); \
            QVERIFY2(unprivilegedFailure.isEmpty(), qPrintable(unprivilegedFailure)); \
            return;                                                             \
        }                                                                       \
    } while (false)
