#include "NotePane.h"

#include "AnswerHistoryDialog.h"
#include "AnswerStore.h"
#include "StatusLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

NotePane::NotePane(AnswerStore *store, AnswerAutosaver *autosaver, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_autosaver(autosaver)
{
    setProperty("themedPane", true);  // ThemeStyle's borders and focus frame, as in the Workbook
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_editor->setAccessibleName(tr("My note on this page"));
    m_editor->setAccessibleDescription(tr("Private: only you see it. Saved as you type."));
    m_editor->setPlaceholderText(tr("Your private note on this page…"));
    m_editor->setTabChangesFocus(true);  // Tab leaves the note, as in the Workbook's editors
    m_heading->setBuddy(m_editor);
    layout->addWidget(m_editor, 1);
    auto *row = new QHBoxLayout;
    m_status = new StatusLabel(tr("Note"), this);
    row->addWidget(m_status, 1);
    m_history = new QPushButton(tr("&History…"), this);
    m_history->setAccessibleName(tr("History of this note"));
    row->addWidget(m_history);
    layout->addLayout(row);
    setEnabled(false);  // until a page is shown

    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotePane::edited);
    connect(m_history, &QPushButton::clicked, this, &NotePane::showHistory);
    connect(m_autosaver, &AnswerAutosaver::noteStateChanged, this, &NotePane::saveStateChanged);
    connect(m_store, &AnswerStore::noteSaved, this, &NotePane::noteSaved);
}

void NotePane::showPage(const QString &courseId, const QString &pageId, const QString &pageTitle)
{
    if (courseId == m_courseId && pageId == m_pageId)
        return;
    m_courseId = courseId;
    m_pageId = pageId;
    m_pageTitle = pageTitle;
    m_heading->setText(tr("Note on “%1”").arg(pageTitle));
    const std::optional<Note> pending = m_autosaver->pendingNote(courseId, pageId);
    const std::optional<Note> saved = pending ? pending : m_store->note(courseId, pageId);
    setText(saved ? saved->text : QString());
    m_status->announce(QString());
    setEnabled(true);
}

void NotePane::setText(const QString &text)
{
    const QSignalBlocker quiet(m_editor);  // showing a note is not an edit
    m_editor->setPlainText(text);
}

void NotePane::edited()
{
    m_autosaver->editNote(Note{m_courseId, m_pageId, m_editor->toPlainText(), QDateTime::currentDateTimeUtc()});
}

void NotePane::saveStateChanged(const QString &pageId, AnswerAutosaver::State state, const QString &detail)
{
    if (pageId != m_pageId)
        return;
    switch (state) {
    case AnswerAutosaver::State::Saving:
        m_status->setText(tr("Saving…"));  // not announced: it would speak at every key
        break;
    case AnswerAutosaver::State::Saved:
        m_status->announce(tr("Saved"));
        break;
    case AnswerAutosaver::State::NotSaved:
        m_status->announce(tr("Not saved: %1 (kept here, retried every few seconds)").arg(detail));
        break;
    }
}

void NotePane::noteSaved(const Note &note)
{
    if (note.courseId == m_courseId && note.pageId == m_pageId && !m_autosaver->pendingNote(m_courseId, m_pageId)
        && note.text != m_editor->toPlainText())
        setText(note.text);
}

void NotePane::showHistory()
{
    m_autosaver->flush();
    AnswerHistoryDialog dialog(tr("Note on %1").arg(m_pageTitle), m_store->noteHistory(m_courseId, m_pageId), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosenVersion().isValid())
        return;
    if (!m_store->restoreNote(m_courseId, m_pageId, dialog.chosenVersion()))
        QMessageBox::warning(this, tr("Note Not Restored"), m_store->lastError());
}
