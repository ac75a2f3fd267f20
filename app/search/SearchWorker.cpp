#include "SearchWorker.h"

#include "Course.h"
#include "SearchIndex.h"

SearchWorker::SearchWorker(const QString &databasePath)
    : m_databasePath(databasePath)
{
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<QVector<SearchHit>>();
    qRegisterMetaType<std::shared_ptr<const Course>>();
}

SearchWorker::~SearchWorker() = default;

bool SearchWorker::ensureOpen()
{
    if (m_index)
        return true;
    // Opened here, on the worker's thread: a connection belongs to the thread that opened it.
    auto index = std::make_unique<SearchIndex>(m_databasePath);
    QString error;
    if (!index->open(&error)) {
        emit failed(tr("The search index cannot be opened: %1").arg(error));
        return false;
    }
    m_index = std::move(index);
    return true;
}

void SearchWorker::setCourse(std::shared_ptr<const Course> course)
{
    m_course = std::move(course);
    if (!m_course || !ensureOpen())
        return;
    QString error;
    if (!m_index->updateCourse(*m_course, &error)) {
        emit failed(tr("The course's pages cannot be indexed: %1").arg(error));
        return;
    }
    emit indexReady();
}

void SearchWorker::search(quint64 requestId, const QString &userText)
{
    // Requests queued behind this one replace it before it runs: only the newest is answered.
    m_pendingId = requestId;
    m_pendingText = userText;
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(this, &SearchWorker::runNewestRequest, Qt::QueuedConnection);
}

void SearchWorker::runNewestRequest()
{
    m_pending = false;
    if (!m_course || !ensureOpen()) {
        emit results(m_pendingId, m_pendingText, {});
        return;
    }
    QString error;
    const QVector<SearchHit> hits = m_index->search(*m_course, m_pendingText, kResultLimit, &error);
    if (!error.isEmpty())
        emit failed(tr("The search failed: %1").arg(error));
    emit results(m_pendingId, m_pendingText, hits);
}
