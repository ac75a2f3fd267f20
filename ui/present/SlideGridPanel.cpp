#include "SlideGridPanel.h"

#include "AnswerAutosaver.h"
#include "AnswerEditor.h"
#include "AnswerEditorFactory.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

SlideGridPanel::SlideGridPanel(WorkshopRecords *records, const QString &courseId, const QString &moduleId, QWidget *parent)
    : QWidget(parent)
    , m_records(records)
    , m_courseId(courseId)
    , m_moduleId(moduleId)
    , m_autosaver(new AnswerAutosaver(records->store(), this))
{
    setAccessibleName(tr("Grid on the slide"));
    auto *layout = m_layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *recordRow = new QHBoxLayout;
    m_recordName = new QLabel(this);
    m_recordName->setTextFormat(Qt::PlainText);
    m_rename = new QPushButton(tr("&Rename Workshop…"), this);
    connect(m_rename, &QPushButton::clicked, this, &SlideGridPanel::rename);
    recordRow->addWidget(m_recordName, 1);
    recordRow->addWidget(m_rename);
    layout->addLayout(recordRow);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    // The editors are as tall as their rows (made for the Workbook's scrolling column): room
    // left over goes below the grid, not between its label and its field.
    layout->addStretch(1);

    // Continue today's record of this module (a second run of the same workshop), else make
    // one at the first keystroke: opening the presentation alone leaves no empty record.
    const QVector<WorkshopRecord> existing = records->records(courseId);
    for (const WorkshopRecord &record : existing) {
        if (record.moduleId == moduleId && record.created.toLocalTime().date() == QDate::currentDate()) {
            m_record = record;
            break;
        }
    }
    connect(m_autosaver, &AnswerAutosaver::stateChanged, this, [this](const QString &, AnswerAutosaver::State state, const QString &detail) {
        m_status->setText(state == AnswerAutosaver::State::NotSaved ? tr("Group grid not saved: %1").arg(detail) : QString());
    });
    showRecordName();
    showActivity(std::nullopt);
}

SlideGridPanel::~SlideGridPanel()
{
    m_autosaver->flush();
}

bool SlideGridPanel::hasGroupGrid(const ActivitySpec &spec)
{
    return spec.kind == ActivitySpec::Kind::Kwl || spec.kind == ActivitySpec::Kind::Worksheet;
}

void SlideGridPanel::showActivity(const std::optional<ActivitySpec> &spec)
{
    const std::optional<ActivitySpec> shown = spec && hasGroupGrid(*spec) ? spec : std::nullopt;
    if (shown == m_spec && (m_editor || !shown))
        return;
    m_autosaver->flush();
    if (m_editor) {
        m_editor->deleteLater();
        m_editor = nullptr;
    }
    m_spec = shown;
    m_title->setText(shown ? tr("Group grid for the wall: %1").arg(shown->title) : QString());
    if (!shown)
        return;
    m_editor = AnswerEditorFactory::create(*shown, this);
    m_editor->setAccessibleName(tr("Group grid: %1").arg(shown->title));
    if (const QHash<QString, Answer> saved = grids(); saved.contains(shown->id)) {
        m_loading = true;
        m_editor->setValue(saved.value(shown->id).value);
        m_loading = false;
    }
    connect(m_editor, &AnswerEditor::changed, this, &SlideGridPanel::edited);
    m_layout->insertWidget(m_layout->count() - 1, m_editor);
}

QHash<QString, Answer> SlideGridPanel::grids() const
{
    QHash<QString, Answer> grids;
    if (!m_record)
        return grids;
    const QString storeId = WorkshopRecords::storeCourseId(*m_record);
    for (const Answer &answer : m_records->store()->answers(storeId))
        grids.insert(answer.activityId, answer);
    for (auto it = grids.begin(); it != grids.end(); ++it) {
        if (const std::optional<Answer> pending = m_autosaver->pending(storeId, it.key()))
            it.value() = *pending;
    }
    if (m_spec) {  // the grid being typed, perhaps not saved once yet
        if (const std::optional<Answer> pending = m_autosaver->pending(storeId, m_spec->id))
            grids.insert(m_spec->id, *pending);
    }
    return grids;
}

bool SlideGridPanel::flush()
{
    return m_autosaver->flush();
}

void SlideGridPanel::edited()
{
    if (m_loading || !m_spec || !m_editor || !ensureRecord())
        return;
    const Answer grid{WorkshopRecords::storeCourseId(*m_record), m_spec->id, ActivitySpec::kindName(m_spec->kind),
                      m_editor->value(), false, QDateTime::currentDateTimeUtc()};
    m_autosaver->edit(grid);
    emit gridChanged(*m_spec, grid);
}

bool SlideGridPanel::ensureRecord()
{
    if (m_record)
        return true;
    const QString name = tr("Workshop %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat));
    m_record = m_records->create(m_courseId, m_moduleId, name);
    if (!m_record)
        m_status->setText(tr("The group grid cannot be saved: %1").arg(m_records->lastError()));
    showRecordName();
    return m_record.has_value();
}

void SlideGridPanel::rename()
{
    if (!ensureRecord())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Workshop"), tr("Name of this workshop's record:"), QLineEdit::Normal,
                                               m_record->name, &ok);
    if (!ok)
        return;
    if (!m_records->rename(m_record->id, name))
        return m_status->setText(m_records->lastError());
    if (const std::optional<WorkshopRecord> renamed = m_records->record(m_record->id))
        m_record = renamed;
    showRecordName();
}

void SlideGridPanel::showRecordName()
{
    m_recordName->setText(m_record ? tr("Saved in: %1").arg(m_record->name)
                                   : tr("Group grids are saved in a workshop record, apart from your own answers."));
}
