#pragma once

#include "Answer.h"

#include <QDialog>

// "Answers without an activity": what the learner wrote for activities the course no
// longer has. Shown read-only so nothing is lost, and exported with the rest.
class OrphanAnswersDialog : public QDialog
{
    Q_OBJECT
public:
    OrphanAnswersDialog(const QVector<Answer> &orphans, QWidget *parent = nullptr);
};
