#include "WorkbookPane.h"

#include "ActivityPanel.h"
#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "ScrollFocusFollower.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

WorkbookPane::WorkbookPane(AnswerStore *store, AnswerAutosaver *autosaver, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_autosaver(autosaver)
{
    setAccessibleName(tr("Workbook"));
    setProperty("themedPane", true);  // ThemeStyle's borders and focus frame
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Workbook activities"));  // it takes the focus to scroll by keyboard
    // Editors wrap and share the pane's width; nothing should scroll sideways.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(m_scroll);
    m_focusFollower = new ScrollFocusFollower(m_scroll);
    m_empty = new QLabel(tr("This page has no activities. Activities you can answer appear here as you read."), this);
    m_empty->setWordWrap(true);
    m_empty->setMargin(16);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    outer->addWidget(m_empty);

    connect(m_autosaver, &AnswerAutosaver::stateChanged, this, [this](const QString &id, AnswerAutosaver::State state, const QString &detail) {
        if (ActivityPanel *panel = m_panels.value(id))
            panel->setSaveState(state, detail);
    });
}

void WorkbookPane::showActivities(const QString &courseId, const QVector<ActivitySpec> &activities)
{
    m_courseId = courseId;
    m_panels.clear();
    m_content = new QWidget;
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(10, 10, 10, 10);
    m_layout->setSpacing(14);
    for (const ActivitySpec &spec : activities) {
        auto *panel = new ActivityPanel(spec, m_content);
        // What the learner typed but the disk has not taken yet wins over the stored copy.
        std::optional<Answer> answer = m_autosaver->pending(courseId, spec.id);
        if (!answer && m_store)
            answer = m_store->answer(courseId, spec.id);
        panel->setAnswer(answer);
        connect(panel, &ActivityPanel::edited, this, [this, panel] {
            m_autosaver->edit(panel->answer(m_courseId));
            emit answerEdited(panel->spec().id);
        });
        connect(panel, &ActivityPanel::historyRequested, this, [this, panel] { emit historyRequested(panel->spec()); });
        connect(panel, &ActivityPanel::exportRequested, this, [this, panel] { emit exportRequested(panel->spec()); });
        connect(panel, &ActivityPanel::linkActivated, this, &WorkbookPane::linkActivated);
        m_layout->addWidget(panel);
        m_panels.insert(spec.id, panel);
    }
    m_layout->addStretch(1);
    m_scroll->setWidget(m_content);  // deletes the previous page's panels
    m_focusFollower->watchItemViews();
    m_scroll->setVisible(!activities.isEmpty());
    m_empty->setVisible(activities.isEmpty());
}

bool WorkbookPane::focusActivity(const QString &activityId)
{
    ActivityPanel *panel = m_panels.value(activityId);
    if (!panel)
        return false;
    m_scroll->ensureWidgetVisible(panel, 0, 0);
    m_scroll->verticalScrollBar()->setValue(panel->y());
    panel->focusEditor();
    return true;
}
