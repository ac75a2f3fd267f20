#pragma once

#include "ActivitySpec.h"

#include <QMap>
#include <QWidget>

class QComboBox;

// A worksheet's Rating cell: a combo box of the cell's choices, each shown with the course's
// name for it, and "—" for none; the answer keeps the choice itself. It takes the focus from
// the table's own Tab order or a click, and lets the wheel scroll the pane until it has it.
class RatingCellBox : public QWidget
{
    Q_OBJECT
public:
    RatingCellBox(const WorksheetCell &cell, const QMap<QString, QString> &choiceLabels, const QString &accessibleName,
                  QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    QString choice() const;                 // "" for none
    void setChoice(const QString &choice);  // one the course no longer offers is kept, not lost

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QComboBox *m_combo;
};
