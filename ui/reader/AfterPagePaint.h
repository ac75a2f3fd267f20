#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

class PageView;

// Work a page turn brings that the page itself need not wait for (the Workbook pane's editors
// for the new page): run once the view has drawn a frame after the turn, so the page reaches
// the screen first and the pane follows within a frame, or after a short wait if no frame comes
// (a hidden window). Whatever reads what the work changes runs it first (runNow()).
class AfterPagePaint : public QObject
{
    Q_OBJECT
public:
    AfterPagePaint(PageView *view, QObject *parent = nullptr);

    void schedule(std::function<void()> work);  // replaces work not yet run
    void runNow();  // the waiting work, if any

private:
    std::function<void()> m_work;
    QTimer m_fallback;
};
