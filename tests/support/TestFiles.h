#pragma once

#include <QByteArray>
#include <QString>

// Whole-file reads and writes for test set-up and checks.
class TestFiles
{
public:
    static QByteArray read(const QString &path);  // empty when it cannot be read
    static bool write(const QString &path, const QByteArray &bytes);
};
