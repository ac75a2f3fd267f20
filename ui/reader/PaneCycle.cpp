#include "PaneCycle.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>
#include <tuple>

namespace PaneCycle {

void move(QMainWindow *window, QWidget *tree, QWidget *view, int direction)
{
    QList<QDockWidget *> docks;
    for (QDockWidget *dock : window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        // A tab behind another in a tabbed dock area is moved out of sight, not hidden.
        if (dock->isVisible() && dock->widget() && !dock->visibleRegion().isEmpty())
            docks << dock;
    }
    std::sort(docks.begin(), docks.end(), [window](QDockWidget *a, QDockWidget *b) {
        return std::tuple(window->dockWidgetArea(a) != Qt::LeftDockWidgetArea, a->x(), a->y())
            < std::tuple(window->dockWidgetArea(b) != Qt::LeftDockWidgetArea, b->x(), b->y());
    });
    QList<QWidget *> panes{tree};
    for (QDockWidget *dock : docks) {
        if (window->dockWidgetArea(dock) != Qt::LeftDockWidgetArea && !panes.contains(view))
            panes << view;
        panes << dock->widget();
    }
    if (!panes.contains(view))
        panes << view;
    QWidget *focus = QApplication::focusWidget();
    qsizetype current = -1;
    for (qsizetype i = 0; i < panes.size(); ++i) {
        if (focus && (focus == panes[i] || panes[i]->isAncestorOf(focus)))
            current = i;
    }
    // From nowhere (or a toolbar), F6 starts with the page.
    const qsizetype next = current < 0 ? panes.indexOf(view) : (current + direction + panes.size()) % panes.size();
    QWidget *pane = panes[next];
    if (pane == tree || pane == view)
        return pane->setFocus(Qt::ShortcutFocusReason);
    for (QWidget *w = pane->nextInFocusChain(); w && w != pane; w = w->nextInFocusChain()) {
        if (pane->isAncestorOf(w) && w->isVisibleTo(pane) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            return w->setFocus(Qt::ShortcutFocusReason);
    }
    pane->setFocus(Qt::ShortcutFocusReason);
}

}  // namespace PaneCycle
