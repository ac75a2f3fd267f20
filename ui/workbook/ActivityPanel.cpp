#include "ActivityPanel.h"

#include "AnswerEditor.h"
#include "AnswerEditorFactory.h"

#include <QAccessible>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

ActivityPanel::ActivityPanel(const ActivitySpec &spec, QWidget *parent)
    : QFrame(parent)
    , m_spec(spec)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(spec.title);
    setAccessibleDescription(tr("Workbook activity"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);

    auto *title = new QLabel(spec.title, this);
    title->setObjectName(QStringLiteral("activityTitle"));  // its size and weight: ThemeStyle
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    layout->addWidget(title);

    if (!spec.promptHtml.isEmpty()) {
        auto *prompt = new QLabel(this);
        prompt->setObjectName(QStringLiteral("prompt"));
        prompt->setTextFormat(Qt::RichText);
        prompt->setText(spec.promptHtml);
        prompt->setWordWrap(true);
        prompt->setTextInteractionFlags(Qt::TextBrowserInteraction);
        prompt->setOpenExternalLinks(false);
        // Prompts come from the course: the reader decides where a clicked link may go.
        connect(prompt, &QLabel::linkActivated, this, [this](const QString &link) { emit linkActivated(QUrl(link)); });
        layout->addWidget(prompt);
    }

    m_editor = AnswerEditorFactory::create(spec, this);
    layout->addWidget(m_editor);
    connect(m_editor, &AnswerEditor::changed, this, [this] {
        if (!m_loading)
            emit edited();
    });

    auto *bottom = new QHBoxLayout;
    m_done = new QCheckBox(tr("Mark as done"), this);
    connect(m_done, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            emit edited();
    });
    bottom->addWidget(m_done);
    bottom->addStretch(1);
    // Fixed labels: the stack's own actions grow to "Undo Edit cell", too wide for the pane.
    QUndoStack *stack = m_editor->undoStack();
    auto *undo = new QToolButton(this);
    undo->setText(tr("Undo"));
    undo->setToolTip(tr("Undo (Ctrl+Z)"));
    undo->setEnabled(stack->canUndo());
    connect(undo, &QToolButton::clicked, stack, &QUndoStack::undo);
    connect(stack, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    auto *redo = new QToolButton(this);
    redo->setText(tr("Redo"));
    redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    redo->setEnabled(stack->canRedo());
    connect(redo, &QToolButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    bottom->addWidget(undo);
    bottom->addWidget(redo);
    layout->addLayout(bottom);
    // A row of their own, so the pane fits a 1280- or 1366-pixel-wide laptop screen.
    auto *more = new QHBoxLayout;
    auto *history = new QPushButton(tr("History…"), this);
    history->setToolTip(tr("See and restore earlier versions of this answer"));
    connect(history, &QPushButton::clicked, this, &ActivityPanel::historyRequested);
    more->addWidget(history);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Export this activity as a DOCX or PDF worksheet"));
    connect(exportButton, &QPushButton::clicked, this, &ActivityPanel::exportRequested);
    more->addWidget(exportButton);
    more->addStretch(1);
    layout->addLayout(more);

    // The save status has a line of its own: it must always be readable, never cut off.
    auto *statusLine = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);  // "Not saved: <why>" can be long
    statusLine->addWidget(m_status, 1);
    m_updated = new QLabel(this);
    m_updated->setProperty("secondary", true);  // quieter, still readable (ThemeStyle)
    statusLine->addWidget(m_updated);
    layout->addLayout(statusLine);
    showStatus(tr("Not started"), false);
}

void ActivityPanel::setAnswer(const std::optional<Answer> &answer)
{
    m_loading = true;
    m_editor->setValue(answer ? answer->value : QJsonObject());
    m_done->setChecked(answer && answer->done);
    m_updated->setText(answer && answer->updated.isValid()
                           ? tr("Last edit %1").arg(QLocale().toString(answer->updated.toLocalTime(), QLocale::ShortFormat))
                           : QString());
    // Nothing saved yet is not "Saved": the learner has not started.
    showStatus(answer ? tr("Saved") : tr("Not started"), false);
    m_loading = false;
}

Answer ActivityPanel::answer(const QString &courseId) const
{
    Answer answer;
    answer.courseId = courseId;
    answer.activityId = m_spec.id;
    answer.kind = ActivitySpec::kindName(m_spec.kind);
    answer.value = m_editor->value();
    answer.done = m_done->isChecked();
    answer.updated = QDateTime::currentDateTimeUtc();
    return answer;
}

QString ActivityPanel::saveStatus() const
{
    return m_status->text();
}

void ActivityPanel::setSaveState(AnswerAutosaver::State state, const QString &detail)
{
    QString text;
    switch (state) {
    case AnswerAutosaver::State::Saving:
        text = tr("Saving…");
        break;
    case AnswerAutosaver::State::Saved:
        text = tr("Saved");
        m_updated->setText(tr("Last edit %1").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
        break;
    case AnswerAutosaver::State::NotSaved:
        text = tr("Not saved: %1").arg(detail.isEmpty() ? tr("unknown error") : detail);
        break;
    }
    showStatus(text, state == AnswerAutosaver::State::NotSaved);
}

void ActivityPanel::showStatus(const QString &text, bool failed)
{
    if (text == m_status->text())
        return;
    m_status->setText(text);
    // The theme's style sheet colours a failure; a changed property takes a new polish.
    m_status->setProperty("saveState", failed ? QStringLiteral("not-saved") : QString());
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    // Screen readers learn of the change through the label's name.
    m_status->setAccessibleName(tr("Save status: %1").arg(text));
    QAccessibleEvent event(m_status, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void ActivityPanel::focusEditor()
{
    // The editor's first input in tab order takes the cursor.
    for (QWidget *w = m_editor->nextInFocusChain(); w && w != m_editor; w = w->nextInFocusChain()) {
        if (m_editor->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(this)) {
            w->setFocus(Qt::OtherFocusReason);
            // Coming back to an answer means going on with it.
            if (auto *text = qobject_cast<QPlainTextEdit *>(w))
                text->moveCursor(QTextCursor::End);
            return;
        }
    }
}
