#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs a program (the coursebook binary, pandoc, python) the way the command-line tests need:
// offscreen, without the user's COURSEBOOK_DATA_DIR, killed after a minute.
class TestProcess
{
public:
    struct Result {
        int exitCode = -1;  // -1: it crashed or took too long
        QString out;
        QString err;
    };

    // The test's own environment, offscreen, COURSEBOOK_DATA_DIR removed.
    static QProcessEnvironment environment();
    static Result run(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment = TestProcess::environment());
};
