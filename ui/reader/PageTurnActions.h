#pragma once

#include <QObject>
#include <QString>

struct Course;
class PageView;
class QAction;
class QLabel;
class QMenu;
class QToolBar;
class QWidget;

// Go ▸ Previous Page, Next Page, Back and Forward, and the status bar's "module · page n of N",
// kept to the page being read. Previous and Next ask for a page; Back and Forward walk the
// view's own history.
class PageTurnActions : public QObject
{
    Q_OBJECT
public:
    PageTurnActions(PageView *view, QWidget *window);

    void addTo(QMenu *go, QToolBar *toolbar);
    QLabel *position() const { return m_position; }
    void update(const Course &course, const QString &pageId);

    // The page `step` pages on from `pageId` in reading order; empty past either end.
    static QString neighbour(const Course &course, const QString &pageId, int step);

signals:
    void previousRequested();
    void nextRequested();

private:
    PageView *m_view;
    QLabel *m_position;
    QAction *m_previous;
    QAction *m_next;
    QAction *m_back;
    QAction *m_forward;
};
