#include "WorkshopRecordsDialog.h"

#include "Course.h"
#include "ExportDocument.h"
#include "MainWindow.h"
#include "PaperSize.h"
#include "Slug.h"
#include "WorksheetExportFlow.h"
#include "WorkshopRecords.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { Name, Date, Module };
constexpr int kIdRole = Qt::UserRole;

}  // namespace

WorkshopRecordsDialog::WorkshopRecordsDialog(WorkshopRecords *records, const Course &course, QWidget *parent)
    : QDialog(parent)
    , m_records(records)
    , m_course(course)
{
    setWindowTitle(tr("Workshop Records"));
    auto *intro = new QLabel(tr("The group grids typed while presenting %1, newest first.").arg(course.title), this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Workshop records"));
    m_list->setHeaderLabels({tr("Name"), tr("Date"), tr("Module")});
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    // Only the name is edited, and only on purpose: F2 or Rename.
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    intro->setBuddy(m_list);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Status"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_rename = buttons->addButton(tr("&Rename"), QDialogButtonBox::ActionRole);
    m_rename->setShortcut(Qt::Key_F2);
    m_docx = buttons->addButton(tr("Export as &DOCX…"), QDialogButtonBox::ActionRole);
    m_pdf = buttons->addButton(tr("Export as &PDF…"), QDialogButtonBox::ActionRole);
    for (QPushButton *button : {m_rename, m_docx, m_pdf})
        button->setAutoDefault(false);  // Enter ends a rename, it does not press a button
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem()) {
            m_list->setFocus();
            m_list->editItem(item, Name);
        }
    });
    connect(m_docx, &QPushButton::clicked, this, [this] { exportRecord(false); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { exportRecord(true); });
    connect(m_list, &QTreeWidget::itemChanged, this, &WorkshopRecordsDialog::renamed);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &WorkshopRecordsDialog::updateButtons);
    // Queued: a rename is reported from inside the list's own edit, which must not see its item go.
    connect(m_records, &WorkshopRecords::recordsChanged, this, [this](const QString &courseId) {
        if (courseId == m_course.id)
            reload();
    }, Qt::QueuedConnection);
    // The grids are saved as they are typed, while presenting: the flow has nothing to flush.
    m_flow = new WorksheetExportFlow(m_records->store(), nullptr,
                                     [this](const QString &title, const QString &text) { QMessageBox::warning(this, title, text); }, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 360);
    reload();
}

void WorkshopRecordsDialog::reload()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Name, kIdRole).toString() : QString();
    const QSignalBlocker blocker(m_list);  // filling it is not renaming
    m_list->clear();
    for (const WorkshopRecord &record : m_records->records(m_course.id)) {
        const CourseModule *module = m_course.findModule(record.moduleId);
        auto *item = new QTreeWidgetItem(m_list, {record.name, QLocale().toString(record.created.toLocalTime(), QLocale::ShortFormat),
                                                  module ? module->title : record.moduleId});
        item->setData(Name, kIdRole, record.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        if (record.id == current || (current.isEmpty() && !m_list->currentItem()))
            m_list->setCurrentItem(item);
    }
    if (!m_records->lastError().isEmpty())
        say(m_records->lastError());
    else if (m_list->topLevelItemCount() == 0)
        say(tr("No workshop records yet: one is made when you type a group grid while presenting."));
    updateButtons();
}

void WorkshopRecordsDialog::renamed(QTreeWidgetItem *item, int column)
{
    if (column != Name)
        return;
    const QString id = item->data(Name, kIdRole).toString();
    const std::optional<WorkshopRecord> record = m_records->record(id);
    if (!record || item->text(Name) == record->name)
        return;
    if (m_records->rename(id, item->text(Name))) {
        say(tr("Renamed \"%1\" to \"%2\".").arg(record->name, m_records->record(id)->name));
        return;  // recordsChanged has reloaded the list, with the name as kept
    }
    say(m_records->lastError());
    const QSignalBlocker blocker(m_list);
    item->setText(Name, record->name);
}

void WorkshopRecordsDialog::exportRecord(bool pdf)
{
    QTreeWidgetItem *item = m_list->currentItem();
    const std::optional<WorkshopRecord> record = item ? m_records->record(item->data(Name, kIdRole).toString()) : std::nullopt;
    if (!record)
        return;
    ExportDocument document;
    QString error;
    if (!ExportDocument::buildForWorkshop(m_course, *m_records, *record, &document, &error))
        return say(error);
    const QString slug = Slug::fromText(record->name);
    m_flow->save(document, m_course.id + QStringLiteral("-group-grid-") + (slug.isEmpty() ? record->id : slug),
               pdf ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx, PaperSize::forThisComputer());
}

void WorkshopRecordsDialog::updateButtons()
{
    const bool chosen = m_list->currentItem() != nullptr;
    for (QPushButton *button : {m_rename, m_docx, m_pdf})
        button->setEnabled(chosen);
}

void WorkshopRecordsDialog::say(const QString &text)
{
    m_status->setText(text);
}

QAction *WorkshopRecordsDialog::addToMenu(QMenu *menu, MainWindow *window, std::function<WorkshopRecords *()> records)
{
    QAction *action = menu->addAction(tr("Workshop &Records…"));
    connect(action, &QAction::triggered, window, [window, records] {
        WorkshopRecordsDialog dialog(records(), window->course(), window);
        dialog.exec();
    });
    return action;
}
