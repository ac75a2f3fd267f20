#pragma once

#include "ActivitySpec.h"
#include "Answer.h"
#include "WorkshopRecords.h"

#include <QHash>
#include <QWidget>

#include <optional>

class AnswerAutosaver;
class AnswerEditor;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The group grid of a KWL or worksheet slide, typed on the laptop (the console hosts this
// panel) and shown read-only on the wall as it is typed. Group grids are saved in a workshop
// record (WorkshopRecords), as answers are (crash-safe, within 300 ms), never among the
// facilitator's own answers; the record is made, named "Workshop <date>", at the first
// keystroke (or today's record of the module goes on), and can be renamed here.
class SlideGridPanel : public QWidget
{
    Q_OBJECT
public:
    SlideGridPanel(WorkshopRecords *records, const QString &courseId, const QString &moduleId, QWidget *parent = nullptr);
    ~SlideGridPanel() override;

    // The activity on the slide showing; nullopt (or one without a group grid) removes the editor.
    void showActivity(const std::optional<ActivitySpec> &spec);
    AnswerEditor *editor() const { return m_editor; }
    std::optional<WorkshopRecord> record() const { return m_record; }
    QHash<QString, Answer> grids() const;  // the record's group grids, unsaved edits included
    bool flush();

    static bool hasGroupGrid(const ActivitySpec &spec);  // a KWL or a worksheet

signals:
    void gridChanged(const ActivitySpec &spec, const Answer &grid);

private:
    void edited();
    bool ensureRecord();
    void rename();
    void showRecordName();

    WorkshopRecords *m_records;
    QString m_courseId;
    QString m_moduleId;
    AnswerAutosaver *m_autosaver;
    std::optional<WorkshopRecord> m_record;
    std::optional<ActivitySpec> m_spec;
    AnswerEditor *m_editor = nullptr;
    QVBoxLayout *m_layout;
    QLabel *m_title;
    QLabel *m_recordName;
    QLabel *m_status;
    QPushButton *m_rename;
    bool m_loading = false;
};
