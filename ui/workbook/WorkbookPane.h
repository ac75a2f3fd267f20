#pragma once

#include "ActivitySpec.h"

#include <QHash>
#include <QUrl>
#include <QWidget>

class ActivityPanel;
class AnswerAutosaver;
class AnswerStore;
class QLabel;
class ScrollFocusFollower;
class QScrollArea;
class QVBoxLayout;

// The workbook for the page being read: its activities in page order, each with its
// editor bound to the answer store through the autosaver.
class WorkbookPane : public QWidget
{
    Q_OBJECT
public:
    WorkbookPane(AnswerStore *store, AnswerAutosaver *autosaver, QWidget *parent = nullptr);

    void showActivities(const QString &courseId, const QVector<ActivitySpec> &activities);
    bool focusActivity(const QString &activityId);
    ActivityPanel *panel(const QString &activityId) const { return m_panels.value(activityId); }
    int activityCount() const { return int(m_panels.size()); }

signals:
    void answerEdited(const QString &activityId);
    void historyRequested(const ActivitySpec &spec);
    void exportRequested(const ActivitySpec &spec);
    void linkActivated(const QUrl &url);  // in an activity's prompt

private:
    AnswerStore *m_store;
    AnswerAutosaver *m_autosaver;
    QString m_courseId;
    QScrollArea *m_scroll = nullptr;
    ScrollFocusFollower *m_focusFollower = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_empty = nullptr;
    QHash<QString, ActivityPanel *> m_panels;
};
