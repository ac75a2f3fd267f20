#include "OrphanAnswersDialog.h"

#include "AnswerText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

OrphanAnswersDialog::OrphanAnswersDialog(const QVector<Answer> &orphans, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Answers Without an Activity"));
    resize(760, 420);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(orphans.isEmpty()
                                 ? tr("Every answer you have written belongs to an activity of this course.")
                                 : tr("These answers belong to activities that this version of the course no longer has. "
                                      "They are kept, and File ▸ Export Answers… includes them."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *list = new QTreeWidget(this);
    list->setAccessibleName(tr("Answers without an activity"));
    list->setHeaderLabels({tr("Activity"), tr("Last edit"), tr("Answer")});
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    for (const Answer &answer : orphans) {
        auto *item = new QTreeWidgetItem(list, {answer.activityId, QLocale().toString(answer.updated.toLocalTime(), QLocale::ShortFormat),
                                                AnswerText::plain(answer.kind, answer.value)});
        item->setToolTip(2, item->text(2));
    }
    list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}
