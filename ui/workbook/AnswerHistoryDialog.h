#pragma once

#include "Answer.h"
#include "Note.h"

#include <QDialog>

class QListWidget;
class QPlainTextEdit;

// Every saved version of one answer (or of a page's note), newest first, with the text of
// the selected one; "Restore" makes that version the current one again (the others stay in
// history).
class AnswerHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    AnswerHistoryDialog(const QString &title, const QVector<Answer> &versions, QWidget *parent = nullptr);
    AnswerHistoryDialog(const QString &title, const QVector<Note> &versions, QWidget *parent = nullptr);

    QDateTime chosenVersion() const;  // invalid when nothing was chosen

private:
    struct Version {
        QDateTime updated;
        QString text;
        bool done = false;
    };
    AnswerHistoryDialog(const QString &title, const QString &intro, const QVector<Version> &versions, QWidget *parent);

    QVector<Version> m_versions;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_preview = nullptr;
};
