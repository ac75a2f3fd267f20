#pragma once

#include "ActivitySpec.h"
#include "Answer.h"
#include "AnswerAutosaver.h"

#include <QFrame>
#include <QUrl>

#include <optional>

class AnswerEditor;
class QCheckBox;
class QLabel;

// One activity in the workbook pane: its title and prompt, its editor, "Mark as done",
// history, and a save status that screen readers hear change.
class ActivityPanel : public QFrame
{
    Q_OBJECT
public:
    ActivityPanel(const ActivitySpec &spec, QWidget *parent = nullptr);

    const ActivitySpec &spec() const { return m_spec; }
    AnswerEditor *editor() const { return m_editor; }

    void setAnswer(const std::optional<Answer> &answer);  // shows it without counting as an edit
    Answer answer(const QString &courseId) const;          // what the learner has now, stamped now
    void setSaveState(AnswerAutosaver::State state, const QString &detail);
    QString saveStatus() const;
    void focusEditor();

signals:
    void edited();
    void historyRequested();
    void exportRequested();
    void linkActivated(const QUrl &url);  // a link in the prompt was clicked

private:
    void showStatus(const QString &text, bool failed);

    ActivitySpec m_spec;
    AnswerEditor *m_editor = nullptr;
    QCheckBox *m_done = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_updated = nullptr;
    bool m_loading = false;
};
