#pragma once

#include "ActivitySpec.h"
#include "Answer.h"
#include "AnswerProgress.h"
#include "Course.h"
#include "PageProgress.h"
#include "PageState.h"

#include <QHash>
#include <QString>
#include <QVector>

// Where the learner stands in a whole course: each page's state (PageState), each module's
// count of pages done, and the activities not done yet, from the stored progress and answers.
class CourseProgress
{
public:
    using ActivitiesByPage = QHash<QString, QVector<ActivitySpec>>;
    struct ModuleCount {
        int done = 0;
        int total = 0;
    };
    struct OpenActivity {
        ActivitySpec spec;
        QString pageTitle;
        AnswerProgress::Stage stage = AnswerProgress::Stage::NotStarted;
    };

    // Renders every page of the course for its activities (a moment on a big course).
    static ActivitiesByPage activitiesOf(const Course &course);

    CourseProgress() = default;
    CourseProgress(const Course &course, const ActivitiesByPage &activities, const QVector<PageProgress> &progress,
                   const QVector<Answer> &answers);

    PageState::State state(const QString &pageId) const { return m_states.value(pageId, PageState::State::Unread); }
    ModuleCount module(const QString &moduleId) const { return m_modules.value(moduleId); }
    // Every activity not done, once each (a revisit is the activity it returns to), in reading order.
    QVector<OpenActivity> openActivities() const { return m_open; }
    bool activitiesAllDone(const QString &pageId) const { return m_allDone.value(pageId); }
    const PageProgress *page(const QString &pageId) const;  // nullptr: never shown or marked

private:
    QHash<QString, PageProgress> m_pages;
    QHash<QString, PageState::State> m_states;
    QHash<QString, bool> m_allDone;
    QHash<QString, ModuleCount> m_modules;
    QVector<OpenActivity> m_open;
};
