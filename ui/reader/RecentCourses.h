#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QMenu;

// File ▸ Open Recent: the courses (folders or files) opened last, newest first, kept in
// the settings. A course no longer there stays listed but greyed, so a course on a USB
// stick that is out now comes back when the stick does.
class RecentCourses : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaximum = 8;

    // `open` is called with the path the reader picks.
    RecentCourses(QMenu *menu, std::function<void(const QString &)> open, QObject *parent = nullptr);

    // A course was opened: it goes to the top, and is remembered as where `courseId` is.
    void add(const QString &path, const QString &courseId);
    QStringList paths() const;
    // Where the course with this id was opened from last (kept beyond the menu's eight).
    QString pathOf(const QString &courseId) const;

private:
    void rebuild();

    QMenu *m_menu;
    std::function<void(const QString &)> m_open;
};
