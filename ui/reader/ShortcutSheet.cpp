#include "ShortcutSheet.h"

#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QString plainMenuText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.remove(QStringLiteral("◀")).remove(QStringLiteral("▶")).trimmed();
}

void addGroup(QTreeWidget *tree, const QString &title, const QList<QPair<QString, QString>> &rows)
{
    auto *group = new QTreeWidgetItem(tree, {title});
    group->setFirstColumnSpanned(true);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    for (const auto &[what, keys] : rows)
        new QTreeWidgetItem(group, {keys, what});
    group->setExpanded(true);
}

void addMenu(QTreeWidget *tree, const QMenu *menu, QList<QPair<QString, QString>> *rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->menu())
            addMenu(tree, action->menu(), rows);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        if (!keys.isEmpty() && !action->text().isEmpty())
            rows->append({plainMenuText(action->text()), keys.join(QStringLiteral(", "))});
    }
}
}  // namespace

ShortcutSheet::ShortcutSheet(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *tree = new QTreeWidget(this);
    tree->setAccessibleName(tr("Keyboard shortcuts"));
    // Keys first: they are short, and the descriptions wrap in what room is left.
    tree->setHeaderLabels({tr("Keys"), tr("What it does")});
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setWordWrap(true);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    addGroup(tree, tr("Reading (also a presentation clicker)"), {
        {tr("Scroll down a screen; at the end of the page, turn to the next page"), tr("Page Down")},
        {tr("Scroll up a screen; at the top of the page, turn to the previous page"), tr("Page Up")},
        {tr("Scroll a little"), tr("Up, Down")},
        {tr("Top or end of the page"), tr("Home, End")},
        {tr("Next link or Workbook card in the page"), tr("Tab, Shift+Tab")},
        {tr("Follow a link, open an activity in the Workbook"), tr("Enter")}});
    addGroup(tree, tr("Panes"), {
        {tr("Next pane: contents, page, Workbook"), tr("F6")},
        {tr("Previous pane"), tr("Shift+F6")},
        {tr("In the contents: open the entry above or below"), tr("Up, Down")},
        {tr("In the contents: fold or unfold a module"), tr("Left, Right")}});
    addGroup(tree, tr("Workbook"), {
        {tr("Next or previous cell of a chart or worksheet (Tab in the last cell adds a row where rows can be added)"), tr("Tab, Shift+Tab")},
        {tr("New line inside a cell"), tr("Shift+Enter")},
        {tr("Undo, redo in the activity being edited"), tr("Ctrl+Z, Ctrl+Shift+Z")}});
    for (const QAction *action : menus->actions()) {
        if (!action->menu())
            continue;
        QList<QPair<QString, QString>> rows;
        addMenu(tree, action->menu(), &rows);
        if (!rows.isEmpty())
            addGroup(tree, tr("%1 menu").arg(plainMenuText(action->text())), rows);
    }
    layout->addWidget(tree, 1);

    auto *difference = new QLabel(tr("<b>Previous / Next Page</b> follow the order of the course. "
                                     "<b>Back / Forward</b> retrace the pages you have visited, as in a web browser."),
                                  this);
    difference->setWordWrap(true);
    layout->addWidget(difference);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(680, 620);
    tree->setFocus();
}

void ShortcutSheet::addHelpMenu(QMenuBar *menus, QWidget *window)
{
    QMenu *help = menus->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), window, [menus, window] {
        ShortcutSheet sheet(menus, window);
        sheet.exec();
    });
    keys->setShortcuts({QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    help->addAction(tr("&About Coursebook"), window, [window] { AboutDialog(window).exec(); });
}
