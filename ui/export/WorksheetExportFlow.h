#pragma once

#include "ActivitySpec.h"
#include "ExportFileName.h"

#include <QObject>
#include <QPageSize>

#include <functional>

class AnswerAutosaver;
class AnswerStore;
class Course;
struct ExportDocument;
struct CoursePage;
class QWidget;

// File ▸ Export Worksheet… from start to end: what to export and how (ExportWorksheetDialog),
// where to (the extension typed wins over the format chosen), the writing behind a progress
// dialog, and a message that offers to open the file or its folder.
class WorksheetExportFlow : public QObject
{
    Q_OBJECT
public:
    // Shows a warning without stopping the window.
    using Notify = std::function<void(const QString &title, const QString &text)>;

    WorksheetExportFlow(AnswerStore *store, AnswerAutosaver *autosaver, Notify notify, QWidget *window);

    // Offers the whole course, the module and the `page` being read (if any), each of its
    // `activities` and the answers without an activity; `activityId` is chosen first, else the page.
    void run(const Course &course, const CoursePage *page, const QVector<ActivitySpec> &activities,
             const QString &activityId = QString());
    // The second half of run(), for a document built elsewhere (a workshop record's group
    // grids): where to (a name from `stem`, as `format` unless the name typed says otherwise),
    // the writing, and the message.
    void save(const ExportDocument &document, const QString &stem, ExportFileName::Format format, QPageSize::PageSizeId size);

private:
    AnswerStore *m_store;
    AnswerAutosaver *m_autosaver;
    Notify m_notify;
    QWidget *m_window;  // the dialogs' parent
};
