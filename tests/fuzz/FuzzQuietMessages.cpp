#include "FuzzQuietMessages.h"

#include <QString>

#include <cstdio>

namespace {
void printFatalOnly(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}
}  // namespace

void FuzzQuietMessages::install()
{
    qInstallMessageHandler(printFatalOnly);
}
