#pragma once

#include "Answer.h"

#include <QDialog>

class QListWidget;
class QPlainTextEdit;

// Every saved version of one answer, newest first, with the text of the selected one;
// "Restore" makes that version the current answer again (the others stay in history).
class AnswerHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    AnswerHistoryDialog(const QString &title, const QVector<Answer> &versions, QWidget *parent = nullptr);

    QDateTime chosenVersion() const;  // invalid when nothing was chosen

private:
    QVector<Answer> m_versions;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};
