#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

// The page each course reopens at, in the settings, written once the reader stays on a page:
// the settings file is rewritten and synced whole, too slow for every page turn.
class LastPageMemory : public QObject
{
    Q_OBJECT
public:
    explicit LastPageMemory(QObject *parent = nullptr);

    static QString pageOf(const QString &courseId);  // empty when none was kept
    void pageShown(const QString &courseId, const QString &pageId);
    void save();  // the page last shown, now, if not yet written

private:
    QTimer m_quiet;
    QString m_courseId;
    QString m_pageId;
    bool m_pending = false;
};
