#include "PresentationKeySheet.h"

#include "ClickerKeyMap.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

PresentationKeySheet::PresentationKeySheet(const ClickerKeyMap &keys, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Presentation Keys"));
    auto *layout = new QVBoxLayout(this);
    auto *tree = new QTreeWidget(this);
    tree->setAccessibleName(tr("Presentation keys"));
    tree->setHeaderLabels({tr("Keys"), tr("What it does")});
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setWordWrap(true);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (const ClickerKeyMap::Row &row : keys.rows())
        new QTreeWidgetItem(tree, {row.keys, row.what});
    layout->addWidget(tree, 1);
    auto *mouse = new QLabel(tr("On the slides, a click or the wheel down shows the next slide; a right click or the wheel up, "
                                "the previous one. A black or white screen comes back with any key."),
                             this);
    mouse->setWordWrap(true);
    layout->addWidget(mouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
    tree->setFocus();
}
