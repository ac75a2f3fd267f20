#pragma once

#include "Answer.h"
#include "AnswerStore.h"

#include <QDateTime>
#include <QObject>
#include <QVector>

#include <memory>
#include <optional>

class AnswerConnection;

// One workshop's group grids: what a facilitator typed live on the projector, named and dated.
struct WorkshopRecord {
    QString id;        // stable, made at creation
    QString courseId;
    QString moduleId;  // the module presented
    QString name;      // "Teen services team, 3 March" (the facilitator's words)
    QDateTime created; // UTC

    bool operator==(const WorkshopRecord &) const = default;
};

// Workshop records and their group grids, kept apart from the facilitator's own answers:
// in <data dir>/workshops/answers.sqlite, through an AnswerStore of their own (so saving is
// as crash-safe as answers, and every version is kept). A record's grids are answers whose
// course id is storeCourseId(record).
class WorkshopRecords : public QObject
{
    Q_OBJECT
public:
    explicit WorkshopRecords(QObject *parent = nullptr);
    ~WorkshopRecords() override;

    AnswerStore::OpenReport open(const QString &dataDir);  // the app's data dir (not the workshops folder)
    bool isOpen() const;

    // A new record, dated now; nullopt + lastError() when it cannot be saved.
    std::optional<WorkshopRecord> create(const QString &courseId, const QString &moduleId, const QString &name);
    QVector<WorkshopRecord> records(const QString &courseId) const;  // newest first
    std::optional<WorkshopRecord> record(const QString &recordId) const;
    bool rename(const QString &recordId, const QString &name);
    QString lastError() const;

    // The grids: save through an AnswerAutosaver on store(), with answers keyed by storeCourseId().
    AnswerStore *store();
    const AnswerStore *store() const;
    static QString storeCourseId(const WorkshopRecord &record);

    // A name as kept: each control character (a pasted tab or line break) a space, runs of
    // white space one space, trimmed. create() and rename() refuse it empty or over kMaxNameLength.
    static QString cleanName(const QString &name);
    static constexpr int kMaxNameLength = 120;

signals:
    void recordsChanged(const QString &courseId);

private:
    bool fail(const QString &message) const;
    bool acceptName(const QString &name, QString *clean) const;
    bool ensureWritable(const QString &what);
    QString folder() const;

    AnswerStore m_store;  // the grids
    const std::unique_ptr<AnswerConnection> m_records;  // the same file, for the workshop_records table
    QString m_dataDir;
    mutable QString m_lastError;
};
