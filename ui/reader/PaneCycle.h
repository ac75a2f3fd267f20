#pragma once

class QMainWindow;
class QWidget;

// F6 / Shift+F6 (Go ▸ Next Pane): round the panes a reader works in as they sit on screen:
// the contents and the docks on the left (Bookmarks), the page, then the other docks that
// show (the Workbook, a learner's opened workbook, the Notes) from top to bottom. Within a
// dock the focus lands on its first control; from nowhere (or a toolbar) it starts at the page.
namespace PaneCycle {
void move(QMainWindow *window, QWidget *tree, QWidget *view, int direction);
}  // namespace PaneCycle
