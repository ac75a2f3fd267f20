#pragma once

#include "ActivitySpec.h"

class AnswerAutosaver;
class AnswerStore;
class QWebEnginePage;

// The activity cards of a rendered page, which show how far each answer has got.
namespace ActivityCards {
// Writes each card's progress and last edit into `page`, from the answers not yet saved,
// else the stored ones.
void showProgress(QWebEnginePage *page, const QString &courseId, const QVector<ActivitySpec> &activities,
                  const AnswerStore &store, const AnswerAutosaver &autosaver);
}
