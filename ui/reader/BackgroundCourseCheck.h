#pragma once

#include "Diagnostic.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

struct Course;

// The course check (CourseCheck: every page rendered, every link followed) off the UI thread,
// as it takes a moment on a big course. Only the latest check's answer is given: one for a
// course opened before is dropped. A check still running is waited for when this goes, as
// it uses what the window owns.
class BackgroundCourseCheck : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundCourseCheck(QObject *parent = nullptr);
    ~BackgroundCourseCheck() override;

    void start(std::shared_ptr<const Course> course);

signals:
    void checked(const Diagnostics &all, int activities);

private:
    int m_generation = 0;
    QPointer<QThread> m_thread;  // the latest check's
};
