#include "BackgroundCourseCheck.h"

#include "CourseCheck.h"

#include <QCoreApplication>

BackgroundCourseCheck::BackgroundCourseCheck(QObject *parent)
    : QObject(parent)
{
}

BackgroundCourseCheck::~BackgroundCourseCheck()
{
    // The app quitting right after it starts (an unknown --present id) crashed in a check
    // still rendering pages.
    if (m_thread)
        m_thread->wait();
}

void BackgroundCourseCheck::start(std::shared_ptr<const Course> course)
{
    const int generation = ++m_generation;
    QPointer<BackgroundCourseCheck> self(this);
    QThread *thread = QThread::create([self, course = std::move(course), generation] {
        int activities = 0;
        const Diagnostics all = CourseCheck::run(*course, &activities);
        QMetaObject::invokeMethod(qApp, [self, all, generation, activities] {
            if (self && generation == self->m_generation)
                emit self->checked(all, activities);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_thread = thread;
    thread->start(QThread::LowPriority);
}
