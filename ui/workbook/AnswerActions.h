#pragma once

#include "ActivitySpec.h"

#include <QObject>

#include <functional>

class AnswerAutosaver;
class AnswerStore;
class Course;
class QWidget;

// What the window does with the learner's stored answers as a whole: File ▸ Export Answers…
// and Import Answers…, Workbook ▸ Answers Without an Activity…, and an activity's history.
// Each saves the pending edits first, so it works on the answers as the learner left them.
class AnswerActions : public QObject
{
    Q_OBJECT
public:
    // Shows a warning without stopping the window.
    using Notify = std::function<void(const QString &title, const QString &text)>;

    AnswerActions(AnswerStore *store, AnswerAutosaver *autosaver, Notify notify, QWidget *window);

    void exportAnswers(const Course &course);
    void importAnswers(const Course &course);
    void showOrphanAnswers(const Course &course);
    void showHistory(const QString &courseId, const ActivitySpec &spec);

signals:
    void statusMessage(const QString &text, int timeout);
    void answersImported();  // any answer of the course may have changed
    void answerRestored(const QString &activityId);

private:
    AnswerStore *m_store;
    AnswerAutosaver *m_autosaver;
    Notify m_notify;
    QWidget *m_window;  // the dialogs' parent
};
