#pragma once

#include <QDialog>

class QMenuBar;

// Help ▸ Keyboard Shortcuts (F1, ?): every key the window answers to, read from its
// menus so the sheet cannot fall behind them, and the keys that belong to no menu
// (page keys, panes, the Workbook's grids).
class ShortcutSheet : public QDialog
{
    Q_OBJECT
public:
    ShortcutSheet(const QMenuBar *menus, QWidget *parent = nullptr);

    // The Help menu: this sheet for the window's menus, and About Coursebook.
    static void addHelpMenu(QMenuBar *menus, QWidget *window);
};
