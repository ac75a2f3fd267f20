#pragma once

#include <QObject>

class NavigationTree;
class PageView;
class QAction;
class QMenu;
class QStatusBar;
class QToolBar;
class ThemeSwitcher;

// View ▸ Zoom In, Zoom Out and Actual Size. Tired eyes need the contents and the Workbook
// larger too, not only the page: the panes' text grows with the page's zoom, up to twice its
// size, where they would have no room left for words. The zoom is kept for the next start.
class ZoomControl : public QObject
{
    Q_OBJECT
public:
    ZoomControl(PageView *view, NavigationTree *tree, ThemeSwitcher *themes, QStatusBar *status, QObject *parent);

    void addTo(QMenu *view, QToolBar *toolbar);
    void restore();  // the zoom of the last run

private:
    void setZoom(double factor);
    void applyToPanes();

    PageView *m_view;
    NavigationTree *m_tree;
    ThemeSwitcher *m_themes;
    QStatusBar *m_status;
    QAction *m_in;
    QAction *m_out;
    QAction *m_reset;
};
