#pragma once

#include "AnswerProgress.h"
#include "PageProgress.h"

#include <QString>
#include <QVector>

// Where the learner stands with a page: unread, visited or done.
namespace PageState {
enum class State { Unread, Visited, Done };

// Marked done: done. Marked not done: visited. Unmarked: done when it has activities and
// all of them are done (a page without any is done only when marked), else visited once
// shown. `progress` is nullptr for a page never shown or marked.
State of(const PageProgress *progress, const QVector<AnswerProgress::Stage> &activities);
// True when there is at least one activity and every one is done.
bool allDone(const QVector<AnswerProgress::Stage> &activities);
QString label(State state);  // "unread", "visited", "done", for the learner
}  // namespace PageState
