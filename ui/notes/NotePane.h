#pragma once

#include "AnswerAutosaver.h"

#include <QWidget>

class AnswerStore;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class StatusLabel;
struct Note;

// The learner's private note on the page being read: plain text, saved as answers are (the
// autosaver commits it within 300 ms of the last key, and at once on a page turn or quit),
// with every saved version a click away.
class NotePane : public QWidget
{
    Q_OBJECT
public:
    NotePane(AnswerStore *store, AnswerAutosaver *autosaver, QWidget *parent = nullptr);

    // Shows the page's note (what is still waiting to be written, else what is saved).
    void showPage(const QString &courseId, const QString &pageId, const QString &pageTitle);
    QPlainTextEdit *editor() const { return m_editor; }
    void showHistory();

private:
    void edited();
    void saveStateChanged(const QString &pageId, AnswerAutosaver::State state, const QString &detail);
    void noteSaved(const Note &note);  // an import or a restore may change the note shown
    void setText(const QString &text);

    AnswerStore *const m_store;
    AnswerAutosaver *const m_autosaver;
    QString m_courseId;
    QString m_pageId;
    QString m_pageTitle;
    QLabel *m_heading = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    StatusLabel *m_status = nullptr;
    QPushButton *m_history = nullptr;
};
