#include "PageProgress.h"

QString PageProgress::markName(Mark mark)
{
    switch (mark) {
    case Mark::Done:
        return QStringLiteral("done");
    case Mark::NotDone:
        return QStringLiteral("not-done");
    case Mark::None:
        break;
    }
    return {};
}

bool PageProgress::markFromName(const QString &name, Mark *mark)
{
    for (const Mark candidate : {Mark::None, Mark::Done, Mark::NotDone}) {
        if (markName(candidate) == name) {
            *mark = candidate;
            return true;
        }
    }
    return false;
}
