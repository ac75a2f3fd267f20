#pragma once

#include "SearchHit.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

class Course;
class SearchIndex;

// Searches on a thread of its own for the UI: move it to a QThread and call its slots through
// queued connections (or QMetaObject::invokeMethod). It opens its own connection to the
// answers database on its thread. Requests queued behind a running one are dropped but the
// newest, which is the only one the learner still waits for.
class SearchWorker : public QObject
{
    Q_OBJECT
public:
    explicit SearchWorker(const QString &databasePath);
    ~SearchWorker() override;

    static constexpr int kResultLimit = 50;

public slots:
    // Indexes the course's pages if its files changed, then emits indexReady().
    void setCourse(std::shared_ptr<const Course> course);
    void search(quint64 requestId, const QString &userText);

signals:
    void indexReady();
    void results(quint64 requestId, const QString &userText, const QVector<SearchHit> &hits);
    void failed(const QString &message);

private:
    bool ensureOpen();
    void runNewestRequest();

    QString m_databasePath;
    std::unique_ptr<SearchIndex> m_index;
    std::shared_ptr<const Course> m_course;
    quint64 m_pendingId = 0;
    QString m_pendingText;
    bool m_pending = false;
};
