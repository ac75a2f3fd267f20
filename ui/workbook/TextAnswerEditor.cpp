#include "TextAnswerEditor.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QUndoStack>
#include <QVBoxLayout>

TextAnswerEditor::TextAnswerEditor(const ActivitySpec &spec, QWidget *parent)
    : AnswerEditor(parent)
    , m_text(new QPlainTextEdit(this))
    , m_wordCount(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);  // the pane frames each activity
    layout->setSpacing(4);

    m_text->setObjectName(QStringLiteral("text"));
    // What the box is for comes first, as a screen reader says it when the box is reached.
    const QString kind = spec.kind == ActivitySpec::Kind::Reflection ? tr("Reflection") : tr("Your answer");
    m_text->setAccessibleName(spec.title.isEmpty() ? kind : tr("%1: %2").arg(kind, spec.title));
    m_text->setAccessibleDescription(spec.promptText);
    m_text->setPlaceholderText(spec.kind == ActivitySpec::Kind::Reflection ? tr("Write your reflection here")
                                                                          : tr("Write your answer here"));
    // The placeholder is drawn in the viewport's font, the typed text in the document's: only
    // the hint is italic, so it never looks typed. (Its colour comes with the theme.)
    QFont hint;
    hint.setItalic(true);
    m_text->viewport()->setFont(hint);
    m_text->setTabChangesFocus(true);  // Tab leaves the answer, as in any form; it is not typed
    m_text->setMinimumHeight(8 * m_text->fontMetrics().lineSpacing());
    trackTextEdit(m_text);
    setFocusProxy(m_text);  // focusing the editor starts at its first input
    layout->addWidget(m_text);

    m_wordCount->setObjectName(QStringLiteral("wordCount"));
    m_wordCount->setAlignment(Qt::AlignRight);
    layout->addWidget(m_wordCount);
    updateWordCount();

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        updateWordCount();
        if (!m_settingValue)
            emit changed();
    });
}

QJsonObject TextAnswerEditor::value() const
{
    return {{QStringLiteral("text"), m_text->toPlainText()}};
}

void TextAnswerEditor::setValue(const QJsonObject &value)
{
    m_settingValue = true;
    m_text->setPlainText(value.value(QStringLiteral("text")).toString());  // clears the text's own history
    m_settingValue = false;
    undoStack()->clear();
}

void TextAnswerEditor::updateWordCount()
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const auto words = m_text->toPlainText().split(space, Qt::SkipEmptyParts).size();
    m_wordCount->setText(words == 1 ? tr("1 word") : tr("%1 words").arg(words));
}
