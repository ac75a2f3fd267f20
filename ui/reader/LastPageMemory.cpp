#include "LastPageMemory.h"

#include <QSettings>

#include <utility>

namespace {
constexpr int kQuietMs = 2000;
QString keyOf(const QString &courseId) { return QStringLiteral("course/%1/lastPage").arg(courseId); }
}  // namespace

LastPageMemory::LastPageMemory(QObject *parent)
    : QObject(parent)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &LastPageMemory::save);
}

QString LastPageMemory::pageOf(const QString &courseId)
{
    return QSettings().value(keyOf(courseId)).toString();
}

void LastPageMemory::pageShown(const QString &courseId, const QString &pageId)
{
    m_courseId = courseId;
    m_pageId = pageId;
    m_pending = true;
    m_quiet.start();
}

void LastPageMemory::save()
{
    m_quiet.stop();
    if (std::exchange(m_pending, false))
        QSettings().setValue(keyOf(m_courseId), m_pageId);
}
