#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;
class RecentCourses;

// File ▸ Open Course Folder…, Open File… and Open Recent, and the course opened last (which
// the next start opens again). The dialogs start in the folder of the course being read.
class CourseOpenActions : public QObject
{
    Q_OBJECT
public:
    CourseOpenActions(QMenu *file, QWidget *window);

    // The course opened last, while it is still there; else empty.
    static QString lastCourse();
    // A course was opened from `path`: it is the last one, and tops the recent ones.
    void opened(const QString &path, const QString &courseId, const QString &rootPath);
    // Where the course with this id was opened from last (it may have gone since); empty if never.
    QString pathOf(const QString &courseId) const;

signals:
    void courseChosen(const QString &path);
    void workbookFileChosen(const QString &path);  // a .coursebook file

private:
    QWidget *m_window;
    RecentCourses *m_recent;
    QString m_rootPath;
};
