#include "PageState.h"

#include <QCoreApplication>

#include <algorithm>

PageState::State PageState::of(const PageProgress *progress, const QVector<AnswerProgress::Stage> &activities)
{
    const PageProgress::Mark mark = progress ? progress->mark : PageProgress::Mark::None;
    if (mark == PageProgress::Mark::Done)
        return State::Done;
    if (mark == PageProgress::Mark::None && allDone(activities))
        return State::Done;
    // A mark of either kind was made on the page, so it was seen.
    return progress && (progress->visited || mark != PageProgress::Mark::None) ? State::Visited : State::Unread;
}

bool PageState::allDone(const QVector<AnswerProgress::Stage> &activities)
{
    return !activities.isEmpty()
        && std::all_of(activities.begin(), activities.end(), [](AnswerProgress::Stage s) { return s == AnswerProgress::Stage::Done; });
}

QString PageState::label(State state)
{
    switch (state) {
    case State::Unread:
        return QCoreApplication::translate("PageState", "unread");
    case State::Visited:
        return QCoreApplication::translate("PageState", "visited");
    case State::Done:
        break;
    }
    return QCoreApplication::translate("PageState", "done");
}
